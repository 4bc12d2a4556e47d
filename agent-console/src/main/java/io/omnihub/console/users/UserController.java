package io.omnihub.console.users;

import io.omnihub.console.security.SignInThrottle;
import io.omnihub.store.user.AppUser;
import io.omnihub.store.user.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/users")
@Tag(name = "Users", description = "Agents, supervisors, administrators and integration accounts (administrators only)")
class UserController {

    private final UserAdministration administration;
    private final SignInThrottle throttle;

    UserController(UserAdministration administration, SignInThrottle throttle) {
        this.administration = administration;
        this.throttle = throttle;
    }

    record NewUser(@NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{2,100}") String username,
            @NotBlank @Size(max = 200) String displayName, @NotBlank @Size(min = 12, max = 200) String password,
            @NotEmpty Set<Role> roles) {
    }

    /** What to change; fields left out stay as they are. */
    record UserChange(@Size(max = 200) String displayName, Set<Role> roles, Boolean enabled,
            @Size(min = 12, max = 200) String password) {
    }

    record UserView(Long id, String username, String displayName, Set<Role> roles, boolean enabled) {
        static UserView of(AppUser u) {
            return new UserView(u.getId(), u.getUsername(), u.getDisplayName(), u.getRoles(), u.isEnabled());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a user", description = "Passwords have at least 12 characters; they are stored hashed.")
    UserView create(@Valid @RequestBody NewUser request, Principal admin) {
        return UserView.of(administration.create(request.username(), request.displayName(), request.password(),
                request.roles(), admin));
    }

    @PatchMapping("/{username}")
    @Operation(summary = "Change a user", description = "Display name, roles, enabled (a disabled user cannot sign in "
            + "or use API tokens), or a new password. You cannot disable yourself or "
            + "drop your own ADMIN role.")
    UserView change(@PathVariable String username, @Valid @RequestBody UserChange request, Principal admin) {
        return UserView.of(administration.change(username, new UserAdministration.Change(request.displayName(),
                request.roles(), request.enabled(), request.password()), admin));
    }

    record ThrottleCleared(String username, int cleared) {
    }

    @DeleteMapping("/{username}/sign-in-throttle")
    @Operation(summary = "Let a user sign in again at once", description = "Clears the user's failed sign-in counts at "
            + "every client address (sign-ins are slowed down after repeated failures, see the API docs). Audited.")
    ThrottleCleared clearThrottle(@PathVariable String username, Principal admin) {
        return new ThrottleCleared(username, throttle.clear(username, admin.getName()));
    }

    @GetMapping
    @Operation(summary = "All users")
    List<UserView> list() {
        return administration.all().stream().map(UserView::of).toList();
    }
}
