package io.omnihub.console.security;

import io.omnihub.store.audit.AuditTrail;
import io.omnihub.store.user.AppUser;
import io.omnihub.store.user.AppUserRepository;
import io.omnihub.store.user.Role;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the first administrator when it does not exist yet, from {@code OMNIHUB_ADMIN_USER} and
 * {@code OMNIHUB_ADMIN_PASSWORD}. In the embedded default an unset password is generated and
 * printed once; elsewhere start-up stops and says to set it. An existing admin is never changed.
 */
@Component
class AdminBootstrap implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AppUserRepository users;
    private final PasswordEncoder passwords;
    private final SecurityProperties properties;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    AdminBootstrap(AppUserRepository users, PasswordEncoder passwords, SecurityProperties properties,
            AuditTrail audit, TransactionTemplate tx, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.properties = properties;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        tx.executeWithoutResult(status -> {
            if (users.findByUsername(properties.adminUser()).isPresent()) {
                return;
            }
            String password = properties.adminPassword();
            boolean generated = password == null || password.isBlank();
            if (generated && !properties.generateAdminPassword()) {
                throw new IllegalStateException("no administrator exists yet: set OMNIHUB_ADMIN_PASSWORD "
                        + "(and optionally OMNIHUB_ADMIN_USER) for the first start");
            }
            if (generated) {
                byte[] random = new byte[18];
                new SecureRandom().nextBytes(random);
                password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            }
            AppUser admin = users.save(new AppUser(properties.adminUser(), "Administrator", passwords.encode(password),
                    EnumSet.of(Role.ADMIN, Role.SUPERVISOR, Role.AGENT), clock.instant()));
            audit.record("system:bootstrap", "user.created", "app_user", admin.getId(),
                    Map.of("username", admin.getUsername(), "roles", "ADMIN,SUPERVISOR,AGENT"));
            if (generated) {
                // printed once, on the console only, so the person who started the hub can sign in
                System.out.printf("%n=== Omnihub administrator created ===%n    user:     %s%n    password: %s%n"
                        + "    (shown once; set OMNIHUB_ADMIN_PASSWORD to choose it)%n%n", admin.getUsername(), password);
            } else {
                log.info("administrator {} created from OMNIHUB_ADMIN_USER / OMNIHUB_ADMIN_PASSWORD", admin.getUsername());
            }
        });
    }
}
