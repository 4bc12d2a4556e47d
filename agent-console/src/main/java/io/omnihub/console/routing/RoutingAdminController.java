package io.omnihub.console.routing;

import io.omnihub.console.api.NotFoundException;
import io.omnihub.store.channel.Channels;
import io.omnihub.store.team.AgentPresence;
import io.omnihub.store.team.Team;
import io.omnihub.store.team.Teams;
import io.omnihub.store.user.AppUser;
import io.omnihub.store.user.AppUserRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@Tag(name = "Routing", description = "Teams, their members, agents' capacity per channel and presence")
class RoutingAdminController {

    record TeamRequest(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}") String key, @NotBlank String name) {
    }

    record Members(@NotNull List<String> usernames) {
    }

    record Presence(@NotNull AgentPresence.Status status) {
    }

    record TeamView(String key, String name, List<String> members) {
    }

    record AgentView(String username, String presence, Map<String, Integer> capacity, Map<String, Integer> open) {
    }

    private final Teams teams;
    private final AppUserRepository users;
    private final AgentPresence presence;
    private final Channels channels;

    RoutingAdminController(Teams teams, AppUserRepository users, AgentPresence presence, Channels channels) {
        this.channels = channels;
        this.teams = teams;
        this.users = users;
        this.presence = presence;
    }

    @PostMapping("/api/v1/admin/teams")
    @Operation(summary = "Create or rename a team", description = "Inboxes name their team by key "
            + "(omnihub.inboxes.<inbox>.team); a team configuration mentions is created with its key as name.")
    TeamView team(@Valid @RequestBody TeamRequest request) {
        return view(teams.save(request.key(), request.name()));
    }

    @GetMapping("/api/v1/admin/teams")
    List<TeamView> teams() {
        return teams.all().stream().map(this::view).toList();
    }

    @PutMapping("/api/v1/admin/teams/{key}/members")
    @Transactional
    @Operation(summary = "Set a team's members", description = "Replaces the members with these user names.")
    TeamView members(@PathVariable String key, @Valid @RequestBody Members request) {
        Team team = teams.require(key);
        teams.setMembers(team.getId(), request.usernames().stream().map(this::userId).toList());
        return view(team);
    }

    @PutMapping("/api/v1/admin/users/{username}/capacity")
    @Transactional
    @Operation(summary = "Set an agent's capacity per channel", description = "Body {\"email\": 5, \"sms\": 3}: at most "
            + "that many open conversations of each channel are routed to them; a channel not listed gets none "
            + "(they can still claim conversations by hand). Replaces what was set before.")
    AgentView capacity(@PathVariable String username, @RequestBody Map<String, Integer> capacity) {
        long user = userId(username);
        capacity.forEach((channel, max) -> {
            if (channels.find(channel).isEmpty() || max == null || max < 0) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "capacity is a number of 0 or more per "
                        + "channel, one of " + channels.keys() + "; not " + channel + "=" + max);
            }
        });
        teams.setCapacity(user, capacity);
        return agent(username);
    }

    @PutMapping("/api/v1/admin/users/{username}/presence")
    @Operation(summary = "Set an agent's presence (for supervisors and tests)")
    AgentView presence(@PathVariable String username, @Valid @RequestBody Presence request) {
        presence.set(username, request.status());
        return agent(username);
    }

    @PutMapping("/api/v1/me/presence")
    @Operation(summary = "Set my presence", description = "ONLINE agents get new conversations routed to them within "
            + "their capacity; BUSY, AWAY and OFFLINE do not (what they have stays theirs).")
    AgentView myPresence(@Valid @RequestBody Presence request, Principal me) {
        presence.set(me.getName(), request.status());
        return agent(me.getName());
    }

    @GetMapping("/api/v1/agents/{username}")
    @Operation(summary = "An agent's presence, capacity and open conversations per channel")
    AgentView agent(@PathVariable String username) {
        long user = userId(username);
        String status = presence.of(username).name();
        return new AgentView(username, status, teams.capacity(user), teams.openByChannel(user));
    }

    private TeamView view(Team team) {
        return new TeamView(team.getKey(), team.getName(), teams.memberNames(team.getId()));
    }

    private long userId(String username) {
        return users.findByUsername(username).map(AppUser::getId)
                .orElseThrow(() -> new NotFoundException("there is no user " + username));
    }
}
