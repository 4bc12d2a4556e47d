package io.omnihub.console.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in and bootstrap settings, {@code omnihub.security.*}.
 *
 * @param adminUser          the administrator created on first start ({@code OMNIHUB_ADMIN_USER})
 * @param adminPassword      its password ({@code OMNIHUB_ADMIN_PASSWORD}); when empty, a random
 *                           one is generated and printed once, if {@code generateAdminPassword}
 * @param generateAdminPassword whether an empty admin password may be generated (the embedded
 *                           default); otherwise start-up fails and says to set it
 * @param throttle           how failed sign-ins are slowed down ({@link SignInThrottle})
 */
@ConfigurationProperties("omnihub.security")
public record SecurityProperties(@DefaultValue("admin") String adminUser, String adminPassword,
        @DefaultValue("true") boolean generateAdminPassword, @DefaultValue Throttle throttle) {

    /**
     * {@code omnihub.security.throttle.*}: after the free failures, each further one doubles the delay
     * (1 s, 2 s, 4 s...) up to the maximum.
     *
     * @param pairFreeFailures    failures of one user at one client address before delays start
     * @param addressFreeFailures failures at one client address (any user) before delays start
     * @param userFreeFailures    failures of one user from anywhere before delays start
     * @param maxDelay            the longest delay for a user at an address, or an address
     * @param userMaxDelay        the longest delay for a user from anywhere: short, so that nobody can
     *                            keep a named user out for long
     */
    public record Throttle(@DefaultValue("3") int pairFreeFailures, @DefaultValue("10") int addressFreeFailures,
            @DefaultValue("20") int userFreeFailures, @DefaultValue("15m") Duration maxDelay,
            @DefaultValue("60s") Duration userMaxDelay) {
    }
}
