package io.omnihub.console.security;

import io.omnihub.store.user.AppUserRepository;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Locks an account for a while after repeated failed sign-ins, console and API alike. */
@Component
class SignInLockout {

    private static final Logger log = LoggerFactory.getLogger(SignInLockout.class);

    private final AppUserRepository users;
    private final SecurityProperties properties;
    private final Clock clock;

    SignInLockout(AppUserRepository users, SecurityProperties properties, Clock clock) {
        this.users = users;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void failed(AuthenticationFailureBadCredentialsEvent event) {
        users.findByUsername(String.valueOf(event.getAuthentication().getPrincipal())).ifPresent(user -> {
            user.signInFailed(properties.maxFailedSignIns(), properties.lockDuration(), clock.instant());
            if (user.isLockedAt(clock.instant())) {
                log.warn("user {} locked after {} failed sign-ins", user.getId(), properties.maxFailedSignIns());
            }
        });
    }

    @EventListener
    @Transactional
    public void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken) {
            users.findByUsername(event.getAuthentication().getName())
                    .ifPresent(user -> user.signInSucceeded(clock.instant()));
        }
    }
}
