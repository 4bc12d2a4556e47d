package io.omnihub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Auto-assignment with three online agents of capacity 2, 5 and 10 and 30 arriving conversations:
 * round-robin cycles through those with room, least-loaded always picks the emptiest, nobody ever
 * goes past capacity, and the 13 left over wait in the team's list until someone has room — after
 * a resolved conversation, or an agent coming back online.
 */
@WithRunningHub
class RoutingIT {

    @Autowired
    HubClient hub;
    @Autowired
    JdbcTemplate jdbc;

    private HttpResponse<String> put(String path, Object body) {
        return hub.putJsonAsAdmin(path, body);
    }

    /** Three agents in the team, capacity 2, 5 and 10 on web forms, online; their user ids in order. */
    private List<Long> team(String team, String run) {
        List<String> names = new ArrayList<>();
        int[] capacities = {2, 5, 10};
        for (int i = 0; i < 3; i++) {
            String name = team + "-agent" + (i + 1) + "-" + run;
            assertThat(hub.postJsonAsAdmin("/api/v1/admin/users", Map.of("username", name, "displayName", name,
                    "password", "agent-password-" + run, "roles", List.of("AGENT"))).statusCode()).isIn(200, 201);
            assertThat(put("/api/v1/admin/users/" + name + "/capacity", Map.of("webform", capacities[i])).statusCode())
                    .isEqualTo(200);
            assertThat(put("/api/v1/admin/users/" + name + "/presence", Map.of("status", "ONLINE")).statusCode())
                    .isEqualTo(200);
            names.add(name);
        }
        assertThat(put("/api/v1/admin/teams/" + team + "/members", Map.of("usernames", names)).statusCode())
                .isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        for (String name : names) {
            ids.add(jdbc.queryForObject("select id from app_user where username = ?", Long.class, name));
        }
        return ids;
    }

    private void arrive(String form, String run, int count) {
        for (int i = 0; i < count; i++) {
            assertThat(hub.postForm(form, HubClient.fields("email", form + "-" + run + "-" + i + "@example.com",
                    "message", "help " + i)).statusCode()).isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from conversation c "
                + "join inbox i on i.id = c.inbox_id where i.key = ?", Long.class, form) >= count);
    }

    private List<Long> assignmentOrder(String form) {
        return jdbc.queryForList("select c.assignee_id from conversation c join inbox i on i.id = c.inbox_id "
                + "where i.key = ? and c.assignee_id is not null order by c.assigned_at, c.id", Long.class, form);
    }

    private long waiting(String form) {
        return jdbc.queryForObject("select count(*) from conversation c join inbox i on i.id = c.inbox_id where i.key = ? "
                + "and c.assignee_id is null and c.status <> 'RESOLVED' and c.team_id = i.team_id", Long.class, form);
    }

    private long open(long agent) {
        return jdbc.queryForObject("select count(*) from conversation where assignee_id = ? and status <> 'RESOLVED'",
                Long.class, agent);
    }

    private void resolve(long conversation) {
        assertThat(hub.patchJsonAsAdmin("/api/v1/conversations/" + conversation, Map.of("status", "RESOLVED"))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void roundRobinCyclesThroughAgentsWithRoomAndTheRestWaitUntilSomeoneHasRoom() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<Long> agents = team("routing-rr", run);
        arrive("rr-form", run, 30);
        await().atMost(Duration.ofSeconds(10)).until(() -> assignmentOrder("rr-form").size() == 17);
        long a1 = agents.get(0);
        long a2 = agents.get(1);
        long a3 = agents.get(2);
        assertThat(assignmentOrder("rr-form")).containsExactly(a1, a2, a3, a1, a2, a3, a2, a3, a2, a3, a2, a3,
                a3, a3, a3, a3, a3);
        assertThat(List.of(open(a1), open(a2), open(a3))).containsExactly(2L, 5L, 10L);
        assertThat(waiting("rr-form")).isEqualTo(13);

        // a3 resolves one: the oldest waiting conversation goes to the agent with room
        resolve(jdbc.queryForObject("select min(id) from conversation where assignee_id = ?", Long.class, a3));
        await().atMost(Duration.ofSeconds(10)).until(() -> waiting("rr-form") == 12);
        assertThat(open(a3)).isEqualTo(10);

        // a1 goes offline and resolves one: nothing is routed to them until they are back online
        put("/api/v1/me/presence", Map.of("status", "ONLINE")); // the admin's own presence: not a member
        assertThat(put("/api/v1/admin/users/routing-rr-agent1-" + run + "/presence", Map.of("status", "OFFLINE"))
                .statusCode()).isEqualTo(200);
        resolve(jdbc.queryForObject("select min(id) from conversation where assignee_id = ?", Long.class, a1));
        assertThat(open(a1)).isEqualTo(1);
        long stillWaiting = waiting("rr-form");
        assertThat(stillWaiting).isEqualTo(12);
        assertThat(put("/api/v1/admin/users/routing-rr-agent1-" + run + "/presence", Map.of("status", "ONLINE"))
                .statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> waiting("rr-form") == 11);
        assertThat(List.of(open(a1), open(a2), open(a3))).containsExactly(2L, 5L, 10L);
    }

    @Test
    void leastLoadedAlwaysPicksTheEmptiestAgentWithRoomAndNeverExceedsCapacity() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<Long> agents = team("routing-ll", run);
        Map<Long, Integer> capacity = Map.of(agents.get(0), 2, agents.get(1), 5, agents.get(2), 10);
        arrive("ll-form", run, 30);
        await().atMost(Duration.ofSeconds(10)).until(() -> assignmentOrder("ll-form").size() == 17);

        Map<Long, Integer> load = new HashMap<>();
        agents.forEach(a -> load.put(a, 0));
        for (Long chosen : assignmentOrder("ll-form")) {
            int least = agents.stream().filter(a -> load.get(a) < capacity.get(a)).mapToInt(load::get).min().orElseThrow();
            assertThat(load.get(chosen)).as("agent %d had the fewest open conversations among those with room", chosen)
                    .isEqualTo(least);
            load.merge(chosen, 1, Integer::sum);
            assertThat(load.get(chosen)).isLessThanOrEqualTo(capacity.get(chosen));
        }
        assertThat(agents.stream().map(this::open).toList()).containsExactly(2L, 5L, 10L);
        assertThat(waiting("ll-form")).isEqualTo(13);
    }
}
