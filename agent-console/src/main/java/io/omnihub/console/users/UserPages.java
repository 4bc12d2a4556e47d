package io.omnihub.console.users;

import java.security.Principal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.omnihub.console.api.NotFoundException;
import io.omnihub.store.user.Role;

/** The administrators' page of users in the console: {@code /console/admin/users}. */
@Controller
class UserPages {

    private final UserAdministration administration;

    UserPages(UserAdministration administration) {
        this.administration = administration;
    }

    @GetMapping("/console/admin/users")
    String users(Model model, Principal admin) {
        model.addAttribute("users", administration.all().stream().map(u -> new Row(u.getId(), u.getUsername(),
                u.getDisplayName(), u.getRoles(), u.isEnabled())).toList());
        model.addAttribute("roles", EnumSet.allOf(Role.class));
        model.addAttribute("agent", admin.getName());
        return "console/users";
    }

    /** One user as the page shows it. */
    record Row(Long id, String username, String displayName, Set<Role> roles, boolean enabled) {
    }

    @PostMapping("/console/admin/users")
    String create(@RequestParam String username, @RequestParam String displayName, @RequestParam String password,
            @RequestParam(required = false) List<Role> roles, Principal admin, RedirectAttributes redirect) {
        try {
            administration.create(username.strip(), displayName, password, roles == null ? Set.of() : Set.copyOf(roles),
                    admin);
            redirect.addFlashAttribute("notice", "User " + username.strip() + " created.");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/console/admin/users";
    }

    @PostMapping("/console/admin/users/{username}")
    String change(@PathVariable String username, @RequestParam String displayName,
            @RequestParam(required = false) List<Role> roles, @RequestParam(defaultValue = "false") boolean enabled,
            @RequestParam(required = false) String password, Principal admin, RedirectAttributes redirect) {
        try {
            administration.change(username, new UserAdministration.Change(displayName,
                    roles == null ? Set.of() : Set.copyOf(roles), enabled, password), admin);
            redirect.addFlashAttribute("notice", "User " + username + " saved.");
        } catch (IllegalArgumentException | NotFoundException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/console/admin/users";
    }
}
