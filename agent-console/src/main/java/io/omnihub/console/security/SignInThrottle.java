package io.omnihub.console.security;

import io.omnihub.store.audit.AuditTrail;
import io.omnihub.store.signin.SignInThrottles;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in throttling instead of lock-out, console and API (HTTP Basic) alike. Failed sign-ins are
 * counted three ways, each with its own free tries and an exponential delay after them:
 * <ul>
 *   <li>per user at one client address ({@code pair-*}): a guesser at one address is slowed quickly;</li>
 *   <li>per client address, whatever the user names ({@code address-*}): trying many users is slowed —
 *       but not for a user who signed in from that address before (an office behind one address);</li>
 *   <li>per user from anywhere ({@code user-*}): a guess spread over many addresses is slowed, but
 *       never for long, and never at an address the user signed in from before (in the last 90
 *       days) — so a stranger cannot keep a named user out of their usual desk at all, and out of
 *       a new one for longer than that short delay.</li>
 * </ul>
 * While a delay runs, sign-ins it covers are refused without checking the password (the right one
 * too), saying for how long. A sign-in that works clears the user's counts; a count is forgotten 15
 * minutes after its last failure; an administrator can clear a user's counts.
 */
@Component
public class SignInThrottle {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    /** One way of counting: how many failures are free, and the longest delay after them. */
    record Rule(int freeFailures, Duration maxDelay) {
        /** The delay after the {@code failures}-th failure: none while free, then 1 s, 2 s, 4 s... up to the maximum. */
        Duration delayAfter(int failures) {
            if (failures <= freeFailures) {
                return Duration.ZERO;
            }
            int doublings = Math.min(30, failures - freeFailures - 1);
            long seconds = Math.min(maxDelay.toSeconds(), 1L << doublings);
            return Duration.ofSeconds(seconds);
        }
    }

    private final SignInThrottles throttles;
    private final AuditTrail audit;
    private final Rule pair;
    private final Rule address;
    private final Rule user;
    private final Clock clock;

    SignInThrottle(SignInThrottles throttles, AuditTrail audit, SecurityProperties properties, Clock clock) {
        this.throttles = throttles;
        this.audit = audit;
        SecurityProperties.Throttle t = properties.throttle();
        this.pair = new Rule(t.pairFreeFailures(), t.maxDelay());
        this.address = new Rule(t.addressFreeFailures(), t.maxDelay());
        this.user = new Rule(t.userFreeFailures(), t.userMaxDelay());
        this.clock = clock;
    }

    /** User names never hold a space (see the user API), so the pair's key is unambiguous. */
    static String pairKey(String username, String address) {
        return "pair:" + named(username) + " " + address;
    }

    static String knownKey(String username, String address) {
        return "known:" + named(username) + " " + address;
    }

    /** What a client typed as user name, cut to the longest a user name can be. */
    private static String named(String username) {
        return username.length() > 100 ? username.substring(0, 100) : username;
    }

    /** How long sign-ins of this user from this address are still refused, if they are. */
    public Optional<Duration> refusedFor(String username, String clientAddress) {
        Instant now = clock.instant();
        // at an address the user signed in from before, only their own failures there count: neither a
        // stranger elsewhere nor colleagues' typos behind the same office address slow them down
        List<String> keys = throttles.known(knownKey(username, clientAddress), now)
                ? List.of(pairKey(username, clientAddress))
                : List.of(pairKey(username, clientAddress), "address:" + clientAddress, "user:" + named(username));
        return throttles.blocked(keys, now).map(state -> Duration.between(now, state.blockedUntil()));
    }

    @Transactional
    public void failed(String username, String clientAddress) {
        Instant now = clock.instant();
        throttles.forgetOld(now);
        count(pairKey(username, clientAddress), pair, username, clientAddress, now);
        count("address:" + clientAddress, address, username, clientAddress, now);
        count("user:" + named(username), user, username, clientAddress, now);
    }

    private void count(String key, Rule rule, String username, String clientAddress, Instant now) {
        int failures = throttles.failed(key, now);
        Duration delay = rule.delayAfter(failures);
        if (delay.isZero()) {
            return;
        }
        throttles.blockUntil(key, now.plus(delay));
        if (failures == rule.freeFailures() + 1) {
            log.warn("sign-ins throttled for {} after {} failures", key.startsWith("address:") ? key : "user " + username,
                    failures);
            audit.record("anonymous@" + clientAddress, "sign-in.throttled", "sign_in", key,
                    Map.of("failures", failures, "delaySeconds", delay.toSeconds()));
        }
    }

    @Transactional
    public void succeeded(String username, String clientAddress) {
        throttles.clear(List.of(pairKey(username, clientAddress), "user:" + named(username)));
        throttles.signedIn(knownKey(username, clientAddress), clock.instant());
    }

    /** An administrator lets the user sign in again at once, from anywhere. */
    @Transactional
    public int clear(String username, String actor) {
        int cleared = throttles.clearUser(username);
        audit.record(actor, "sign-in.throttle-cleared", "user", username, Map.of("counts", cleared));
        return cleared;
    }
}
