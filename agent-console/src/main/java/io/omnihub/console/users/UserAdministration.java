package io.omnihub.console.users;

import java.security.Principal;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.omnihub.console.api.NotFoundException;
import io.omnihub.store.audit.AuditTrail;
import io.omnihub.store.user.AppUser;
import io.omnihub.store.user.AppUserRepository;
import io.omnihub.store.user.Role;

/**
 * Administrators manage the accounts of agents, supervisors, administrators and integrations:
 * create, rename, change roles, disable and enable, set a new password. Every change is audited.
 * An administrator cannot lock themselves out (disable their own account or drop their own ADMIN).
 */
@Service
public class UserAdministration {

    public static final int MIN_PASSWORD = 12;
    private static final String USERNAME = "[A-Za-z0-9._@-]{2,100}";

    /** A change to an account; null fields stay as they are. */
    public record Change(String displayName, Set<Role> roles, Boolean enabled, String password) {
    }

    private final AppUserRepository users;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final Clock clock;

    UserAdministration(AppUserRepository users, PasswordEncoder passwords, AuditTrail audit, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<AppUser> all() {
        return users.findAll(org.springframework.data.domain.Sort.by("username"));
    }

    @Transactional
    public AppUser create(String username, String displayName, String password, Set<Role> roles, Principal admin) {
        if (username == null || !username.matches(USERNAME)) {
            throw new IllegalArgumentException("a user name is 2 to 100 letters, digits and . _ @ -");
        }
        if (users.findByUsername(username).isPresent()) {
            throw new IllegalArgumentException("user '" + username + "' exists already");
        }
        requireDisplayName(displayName);
        requirePassword(password);
        requireRoles(roles);
        AppUser user = users.save(new AppUser(username, displayName.strip(), passwords.encode(password),
                EnumSet.copyOf(roles), clock.instant()));
        audit.record(admin.getName(), "user.created", "app_user", user.getId(),
                Map.of("username", username, "roles", roles.toString()));
        return user;
    }

    @Transactional
    public AppUser change(String username, Change change, Principal admin) {
        AppUser user = users.findByUsername(username).orElseThrow(() -> new NotFoundException("there is no user "
                + username));
        Set<Role> roles = change.roles() == null ? user.getRoles() : change.roles();
        boolean enabled = change.enabled() == null ? user.isEnabled() : change.enabled();
        String displayName = change.displayName() == null ? user.getDisplayName() : change.displayName().strip();
        requireDisplayName(displayName);
        requireRoles(roles);
        if (username.equals(admin.getName()) && (!enabled || !roles.contains(Role.ADMIN))) {
            throw new IllegalArgumentException("you cannot disable your own account or take away your own ADMIN role "
                    + "(another administrator can)");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        if (!displayName.equals(user.getDisplayName())) {
            details.put("displayName", displayName);
        }
        if (!roles.equals(user.getRoles())) {
            details.put("roles", roles.toString());
        }
        if (enabled != user.isEnabled()) {
            details.put("enabled", enabled);
        }
        user.change(displayName, roles, enabled, clock.instant());
        if (change.password() != null && !change.password().isEmpty()) {
            requirePassword(change.password());
            user.resetPassword(passwords.encode(change.password()), clock.instant());
            details.put("password", "reset");
        }
        if (!details.isEmpty()) {
            audit.record(admin.getName(), "user.changed", "app_user", user.getId(), details);
        }
        return user;
    }

    private static void requireDisplayName(String displayName) {
        if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
            throw new IllegalArgumentException("a display name is required (at most 200 characters)");
        }
    }

    private static void requirePassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > 200) {
            throw new IllegalArgumentException("a password has " + MIN_PASSWORD + " to 200 characters");
        }
    }

    private static void requireRoles(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("give the user at least one role: " + EnumSet.allOf(Role.class));
        }
    }
}
