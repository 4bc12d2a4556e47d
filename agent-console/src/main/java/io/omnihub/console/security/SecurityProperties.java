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
 * @param maxFailedSignIns   failed sign-ins in a row before an account locks
 * @param lockDuration       how long a locked account stays locked
 */
@ConfigurationProperties("omnihub.security")
public record SecurityProperties(@DefaultValue("admin") String adminUser, String adminPassword,
        @DefaultValue("true") boolean generateAdminPassword, @DefaultValue("5") int maxFailedSignIns,
        @DefaultValue("15m") Duration lockDuration) {
}
