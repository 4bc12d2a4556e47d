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

/**
 * Canned responses through the API: kept by supervisors and administrators (agents may not),
 * unknown merge fields and taken shortcuts refused clearly, a team's responses offered to its
 * members only, and each filled with the conversation's customer, inbox and agent.
 */
@WithRunningHub
class CannedResponsesIT {

    static final String PASSWORD = "canned-it-password";

    @Autowired
    HubClient hub;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void supervisorsKeepThemAgentsGetThemFilledForTheirConversation() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String agent = "canned-agent-" + run;
        String outsider = "canned-outsider-" + run;
        for (String name : List.of(agent, outsider)) {
            assertThat(hub.postJsonAsAdmin("/api/v1/admin/users", Map.of("username", name, "displayName",
                    "Agent " + name, "password", PASSWORD, "roles", List.of("AGENT"))).statusCode()).isEqualTo(201);
        }
        assertThat(hub.postJsonAsAdmin("/api/v1/admin/teams", Map.of("key", "canned-" + run, "name", "Canned team"))
                .statusCode()).isIn(200, 201);
        assertThat(hub.putJsonAsAdmin("/api/v1/admin/teams/canned-" + run + "/members",
                Map.of("usernames", List.of(agent))).statusCode()).isEqualTo(200);

        String thanks = "thanks-" + run;
        HttpResponse<String> created = hub.postJsonAsAdmin("/api/v1/canned-responses", Map.of("shortcut", thanks,
                "title", "Thanks", "body", "Hi {{customer.firstName|there}}, thanks for writing to {{inbox.name}} "
                        + "about #{{conversation.id}}. Your address: {{customer.email}}. — {{agent.name}}"));
        assertThat(created.statusCode()).isEqualTo(201);
        String teamOnly = "team-only-" + run;
        assertThat(hub.postJsonAsAdmin("/api/v1/canned-responses", Map.of("shortcut", teamOnly, "title", "Team",
                "body", "Only for the team, {{customer.name|friend}}", "team", "canned-" + run)).statusCode())
                .isEqualTo(201);

        HttpResponse<String> unknown = hub.postJsonAsAdmin("/api/v1/canned-responses", Map.of("shortcut",
                "bad-" + run, "title", "Bad", "body", "Hi {{customer.shoeSize}}"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("unknown merge field {{customer.shoeSize}}").contains("{{customer.firstName}}");
        assertThat(hub.postJsonAsAdmin("/api/v1/canned-responses", Map.of("shortcut", thanks, "title", "Again",
                "body", "x")).statusCode()).isEqualTo(409);
        assertThat(hub.jsonAs(agent, PASSWORD, "POST", "/api/v1/canned-responses", Map.of("shortcut",
                "mine-" + run, "title", "Mine", "body", "x")).statusCode()).isEqualTo(403);

        // offered: everyone's to both, the team's only to its member
        assertThat(hub.read(hub.get("/api/v1/canned-responses", agent, PASSWORD).body()).findValuesAsText("shortcut"))
                .contains(thanks, teamOnly);
        assertThat(hub.read(hub.get("/api/v1/canned-responses", outsider, PASSWORD).body())
                .findValuesAsText("shortcut")).contains(thanks).doesNotContain(teamOnly);

        String email = "ada-" + run + "@example.com";
        assertThat(hub.postForm("contact", HubClient.fields("name", "Ada Lovelace", "email", email, "message",
                "Where is my order?")).statusCode()).isEqualTo(202);
        long conversation = await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForList("""
                select c.id from conversation c join contact_point p on p.customer_id = c.customer_id
                 where p.value = ?""", Long.class, email), l -> l.size() == 1).get(0);
        HttpResponse<String> filled = hub.get("/api/v1/conversations/" + conversation + "/canned-responses/" + thanks,
                agent, PASSWORD);
        assertThat(filled.statusCode()).isEqualTo(200);
        assertThat(hub.read(filled.body()).path("text").asText()).isEqualTo("Hi Ada, thanks for writing to Website "
                + "contact form about #" + conversation + ". Your address: " + email + ". — Agent " + agent);
        assertThat(hub.get("/api/v1/conversations/" + conversation + "/canned-responses/" + teamOnly, outsider,
                PASSWORD).statusCode()).isEqualTo(404);
    }
}
