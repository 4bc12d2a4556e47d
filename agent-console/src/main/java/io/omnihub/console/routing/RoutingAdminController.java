package io.omnihub.console.routing;

import io.omnihub.console.api.NotFoundException;
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
import org.springframework.jdbc.core.JdbcTemplate;
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

    static final Set<String> CHANNELS = Set.of("webform", "email", "sms", "voice", "chat", "business");

    private final JdbcTemplate jdbc;
    private final AgentPresence presence;

    RoutingAdminController(JdbcTemplate jdbc, AgentPresence presence) {
        this.jdbc = jdbc;
        this.presence = presence;
    }

    @PostMapping("/api/v1/admin/teams")
    @Operation(summary = "Create or rename a team", description = "Inboxes name their team by key "
            + "(omnihub.inboxes.<inbox>.team); a team configuration mentions is created with its key as name.")
    TeamView team(@Valid @RequestBody TeamRequest request) {
        jdbc.update("insert into team (key, name) values (?, ?) on conflict (key) do update set name = excluded.name",
                request.key(), request.name());
        return view(request.key());
    }

    @GetMapping("/api/v1/admin/teams")
    List<TeamView> teams() {
        return jdbc.queryForList("select key from team order by key", String.class).stream().map(this::view).toList();
    }

    @PutMapping("/api/v1/admin/teams/{key}/members")
    @Transactional
    @Operation(summary = "Set a team's members", description = "Replaces the members with these user names.")
    TeamView members(@PathVariable String key, @Valid @RequestBody Members request) {
        long team = teamId(key);
        jdbc.update("delete from team_member where team_id = ?", team);
        for (String username : request.usernames()) {
            jdbc.update("insert into team_member (team_id, user_id) values (?, ?)", team, userId(username));
        }
        return view(key);
    }

    @PutMapping("/api/v1/admin/users/{username}/capacity")
    @Transactional
    @Operation(summary = "Set an agent's capacity per channel", description = "Body {\"email\": 5, \"sms\": 3}: at most "
            + "that many open conversations of each channel are routed to them; a channel not listed gets none "
            + "(they can still claim conversations by hand). Replaces what was set before.")
    AgentView capacity(@PathVariable String username, @RequestBody Map<String, Integer> capacity) {
        long user = userId(username);
        capacity.forEach((channel, max) -> {
            if (!CHANNELS.contains(channel) || max == null || max < 0) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "capacity is a number of 0 or more per "
                        + "channel, one of " + CHANNELS + "; not " + channel + "=" + max);
            }
        });
        jdbc.update("delete from agent_capacity where user_id = ?", user);
        capacity.forEach((channel, max) -> jdbc.update(
                "insert into agent_capacity (user_id, channel, max_open) values (?, ?, ?)", user, channel, max));
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
        Map<String, Integer> capacity = new java.util.TreeMap<>();
        jdbc.query("select channel, max_open from agent_capacity where user_id = ?",
                rs -> { capacity.put(rs.getString(1), rs.getInt(2)); }, user);
        Map<String, Integer> open = new java.util.TreeMap<>();
        jdbc.query("select channel, count(*) from conversation where assignee_id = ? and status <> 'RESOLVED' "
                + "group by channel", rs -> { open.put(rs.getString(1), rs.getInt(2)); }, user);
        return new AgentView(username, status, capacity, open);
    }

    private TeamView view(String key) {
        long team = teamId(key);
        String name = jdbc.queryForObject("select name from team where id = ?", String.class, team);
        return new TeamView(key, name, jdbc.queryForList("select u.username from team_member m join app_user u on "
                + "u.id = m.user_id where m.team_id = ? order by u.username", String.class, team));
    }

    private long teamId(String key) {
        return jdbc.queryForList("select id from team where key = ?", Long.class, key).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("there is no team " + key));
    }

    private long userId(String username) {
        return jdbc.queryForList("select id from app_user where username = ?", Long.class, username).stream()
                .findFirst().orElseThrow(() -> new NotFoundException("there is no user " + username));
    }
}
