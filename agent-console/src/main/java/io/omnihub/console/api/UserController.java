package io.omnihub.console.api;

import io.omnihub.store.audit.AuditTrail;
import io.omnihub.store.user.AppUser;
import io.omnihub.store.user.AppUserRepository;
import io.omnihub.store.user.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/users")
@Tag(name = "Users", description = "Agents, supervisors, administrators and integration accounts (administrators only)")
class UserController {

    private final AppUserRepository users;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final Clock clock;

    UserController(AppUserRepository users, PasswordEncoder passwords, AuditTrail audit, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    record NewUser(@NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{2,100}") String username,
            @NotBlank @Size(max = 200) String displayName, @NotBlank @Size(min = 12, max = 200) String password,
            @NotEmpty Set<Role> roles) {
    }

    record UserView(Long id, String username, String displayName, Set<Role> roles, boolean enabled) {
        static UserView of(AppUser u) {
            return new UserView(u.getId(), u.getUsername(), u.getDisplayName(), u.getRoles(), u.isEnabled());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    @Operation(summary = "Create a user", description = "Passwords have at least 12 characters; they are stored hashed.")
    UserView create(@Valid @RequestBody NewUser request, Principal admin) {
        if (users.findByUsername(request.username()).isPresent()) {
            throw new IllegalArgumentException("user '" + request.username() + "' exists already");
        }
        AppUser user = users.save(new AppUser(request.username(), request.displayName(),
                passwords.encode(request.password()), EnumSet.copyOf(request.roles()), clock.instant()));
        audit.record(admin.getName(), "user.created", "app_user", user.getId(),
                Map.of("username", user.getUsername(), "roles", request.roles().toString()));
        return UserView.of(user);
    }

    @GetMapping
    @Transactional(readOnly = true)
    @Operation(summary = "All users")
    List<UserView> list() {
        return users.findAll(org.springframework.data.domain.Sort.by("username")).stream().map(UserView::of).toList();
    }
}
