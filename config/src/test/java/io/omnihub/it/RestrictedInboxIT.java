package io.omnihub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A restricted inbox ({@code vip}, team {@code vip-team}): its conversations are listed, shown and
 * worked only by the team's members, supervisors and administrators — and by a team the
 * conversation is transferred to. Everyone else gets 403 with the reason and changes nothing.
 */
@WithRunningHub
class RestrictedInboxIT {

    static final String PASSWORD = "restricted-it-password";

    @Autowired
    HubClient hub;
    @Autowired
    JdbcTemplate jdbc;

    private long conversationOf(String form, String email) {
        assertThat(hub.postForm(form, HubClient.fields("email", email, "message", "secret matter of " + email))
                .statusCode()).isEqualTo(202);
        return await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForList("""
                select c.id from conversation c join contact_point p on p.customer_id = c.customer_id
                  join inbox i on i.id = c.inbox_id where p.value = ? and i.key = ?""", Long.class, email, form),
                l -> l.size() == 1).get(0);
    }

    private List<Long> listedFor(String user) {
        HttpResponse<String> list = hub.get("/api/v1/conversations?limit=200", user, PASSWORD);
        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode items = hub.read(list.body()).path("items");
        return java.util.stream.StreamSupport.stream(items.spliterator(), false).map(i -> i.path("id").asLong())
                .toList();
    }

    @Test
    void onlyTheTeamSupervisorsAndATeamItWasTransferredToSeeAndWorkARestrictedInbox() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String member = "vip-member-" + run;
        String outsider = "outsider-" + run;
        String supervisor = "supervisor-" + run;
        hub.createUser(member, PASSWORD, "AGENT");
        hub.createUser(outsider, PASSWORD, "AGENT");
        hub.createUser(supervisor, PASSWORD, "SUPERVISOR");
        assertThat(hub.putJsonAsAdmin("/api/v1/admin/teams/vip-team/members", Map.of("usernames", List.of(member)))
                .statusCode()).isEqualTo(200);
        // a team nobody created is named as such (it was a 500 before)
        HttpResponse<String> noTeam = hub.putJsonAsAdmin("/api/v1/admin/teams/no-such-team-" + run + "/members",
                Map.of("usernames", List.of(outsider)));
        assertThat(noTeam.statusCode()).isEqualTo(404);
        assertThat(noTeam.body()).contains("there is no team no-such-team-" + run);
        assertThat(hub.postJsonAsAdmin("/api/v1/admin/teams", Map.of("key", "escalations-" + run,
                "name", "Escalations")).statusCode()).isIn(200, 201);
        assertThat(hub.putJsonAsAdmin("/api/v1/admin/teams/escalations-" + run + "/members",
                Map.of("usernames", List.of(outsider))).statusCode()).isEqualTo(200);

        long vip = conversationOf("vip", "vip-" + run + "@example.com");
        long open = conversationOf("contact", "open-" + run + "@example.com");
        long vipCustomer = jdbc.queryForObject("select customer_id from conversation where id = ?", Long.class, vip);

        // the outsider: not in the list, not by id, not by its customer's timeline, no action
        assertThat(listedFor(outsider)).contains(open).doesNotContain(vip);
        HttpResponse<String> shown = hub.get("/api/v1/conversations/" + vip, outsider, PASSWORD);
        assertThat(shown.statusCode()).isEqualTo(403);
        assertThat(shown.body()).contains("restricted inbox 'vip'");
        assertThat(hub.jsonAs(outsider, PASSWORD, "POST", "/api/v1/conversations/" + vip + "/replies",
                Map.of("text", "let me in")).statusCode()).isEqualTo(403);
        assertThat(hub.jsonAs(outsider, PASSWORD, "POST", "/api/v1/conversations/" + vip + "/notes",
                Map.of("text", "peek")).statusCode()).isEqualTo(403);
        assertThat(hub.jsonAs(outsider, PASSWORD, "PATCH", "/api/v1/conversations/" + vip,
                Map.of("status", "RESOLVED")).statusCode()).isEqualTo(403);
        assertThat(hub.jsonAs(outsider, PASSWORD, "POST", "/api/v1/conversations/" + vip + "/assignment",
                Map.of("assignee", "me")).statusCode()).isEqualTo(403);
        // a customer known only in the restricted inbox is not theirs to read either
        assertThat(hub.get("/api/v1/customers/" + vipCustomer, outsider, PASSWORD).statusCode()).isEqualTo(403);
        assertThat(hub.get("/api/v1/customers/" + vipCustomer + "/timeline", outsider, PASSWORD).statusCode())
                .isEqualTo(403);
        // once the customer also writes through an open inbox, the record is, without the restricted history
        long alsoOpen = conversationOf("contact", "vip-" + run + "@example.com");
        assertThat(hub.get("/api/v1/customers/" + vipCustomer, outsider, PASSWORD).statusCode()).isEqualTo(200);
        HttpResponse<String> timeline = hub.get("/api/v1/customers/" + vipCustomer + "/timeline", outsider, PASSWORD);
        assertThat(timeline.statusCode()).isEqualTo(200);
        assertThat(hub.read(timeline.body()).path("items")).extracting(i -> i.path("conversationId").asLong())
                .containsExactly(alsoOpen);
        assertThat(jdbc.queryForMap("select status, assignee_id from conversation where id = ?", vip))
                .containsEntry("status", "OPEN").containsEntry("assignee_id", null);
        assertThat(jdbc.queryForObject("select count(*) from interaction where conversation_id = ?", Integer.class, vip))
                .isEqualTo(1);

        // the team's member and a supervisor see and work it
        assertThat(listedFor(member)).contains(vip, open);
        assertThat(hub.get("/api/v1/conversations/" + vip, member, PASSWORD).statusCode()).isEqualTo(200);
        assertThat(hub.jsonAs(member, PASSWORD, "POST", "/api/v1/conversations/" + vip + "/notes",
                Map.of("text", "handled by the VIP team")).statusCode()).isEqualTo(201);
        assertThat(listedFor(supervisor)).contains(vip);
        assertThat(hub.get("/api/v1/conversations/" + vip, supervisor, PASSWORD).statusCode()).isEqualTo(200);

        // transferred to the outsider's team, it is theirs to see
        assertThat(hub.postJsonAsAdmin("/api/v1/conversations/" + vip + "/assignment",
                Map.of("team", "escalations-" + run)).statusCode()).isEqualTo(200);
        assertThat(listedFor(outsider)).contains(vip);
        assertThat(hub.get("/api/v1/conversations/" + vip, outsider, PASSWORD).statusCode()).isEqualTo(200);
    }
}
