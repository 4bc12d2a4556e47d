package io.omnihub.console.security;

import java.time.Duration;
import org.springframework.security.authentication.LockedException;

/** Sign-ins are refused for a while after too many failures: the message says how long. */
public class SignInThrottledException extends LockedException {

    private final long retryAfterSeconds;

    SignInThrottledException(Duration remaining) {
        super("too many failed sign-ins: try again in " + Math.max(1, seconds(remaining)) + " s");
        this.retryAfterSeconds = Math.max(1, seconds(remaining));
    }

    private static long seconds(Duration remaining) {
        return (remaining.toMillis() + 999) / 1000;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
