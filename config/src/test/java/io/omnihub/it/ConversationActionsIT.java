package io.omnihub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Agents' actions through the API: claim, give, unassign, transfer, priority, status, notes; each with its event. */
@WithRunningHub
class ConversationActionsIT {

    @Autowired
    HubClient hub;
    @Autowired
    JdbcTemplate jdbc;

    private long conversation() {
        String email = "act-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        hub.postForm("contact", HubClient.fields("email", email, "message", "please act"));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from contact_point where value = ?", Long.class, email) == 1);
        return jdbc.queryForObject("select c.id from conversation c join contact_point p on p.customer_id = "
                + "c.customer_id where p.value = ?", Long.class, email);
    }

    private List<String> events(long conversation) {
        return jdbc.queryForList("select event_type from outbox where (payload ->> 'conversationId')::bigint = ? "
                + "and event_type like 'Conversation%' and event_type <> 'ConversationOpened' order by id",
                String.class, conversation);
    }

    private long formConversation(String email, String message) {
        hub.postForm("contact", HubClient.fields("email", email, "message", message));
        return await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForList(
                "select conversation_id from interaction where body_text = ?", Long.class, message),
                l -> l.size() == 1).get(0);
    }

    @Test
    void aCustomersTwoConversationsMergeIntoOneAndUnsafeMergesAreRefused() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String email = "twice-" + run + "@example.com";
        long first = formConversation(email, "first request " + run);
        long second = formConversation(email, "second request " + run);
        // the first was answered (resolved); the second still waits, with a tag of its own
        assertThat(hub.patchJsonAsAdmin("/api/v1/conversations/" + first, Map.of("status", "RESOLVED")).statusCode())
                .isEqualTo(200);
        hub.putJsonAsAdmin("/api/v1/conversations/" + second + "/tags", Map.of("tags", List.of("urgent-" + run)));
        java.sql.Timestamp secondWaiting = jdbc.queryForObject("select waiting_since from conversation where id = ?",
                java.sql.Timestamp.class, second);
        var merged = hub.postJsonAsAdmin("/api/v1/conversations/" + first + "/merge", Map.of("merge", second));
        assertThat(merged.statusCode()).isEqualTo(200);
        assertThat(hub.read(merged.body()).path("interactionsMoved").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForList("select body_text from interaction where conversation_id = ? order by id",
                String.class, first)).containsExactly("first request " + run, "second request " + run);
        assertThat(jdbc.queryForMap("select status, merged_into_id from conversation where id = ?", second))
                .containsEntry("status", "RESOLVED").containsEntry("merged_into_id", first);
        // the customer's unanswered message still waits: the target opened again, waiting since then, tagged
        assertThat(jdbc.queryForMap("select status, waiting_since, array_to_string(tags, ',') as tags from "
                + "conversation where id = ?", first)).containsEntry("status", "OPEN")
                .containsEntry("waiting_since", secondWaiting).containsEntry("tags", "urgent-" + run);
        assertThat(jdbc.queryForList("select event_type from outbox where event_type = 'ConversationsMerged' "
                + "and (payload ->> 'mergedId')::bigint = ?", String.class, second)).hasSize(1);
        var again = hub.postJsonAsAdmin("/api/v1/conversations/" + first + "/merge", Map.of("merge", second));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("merged into another already");

        long stranger = formConversation("stranger-" + run + "@example.com", "someone else " + run);
        var different = hub.postJsonAsAdmin("/api/v1/conversations/" + first + "/merge", Map.of("merge", stranger));
        assertThat(different.statusCode()).isEqualTo(409);
        assertThat(different.body()).contains("different customers: merge the customers first");

        // after a customer merge, one conversation came over with it: merging it with the survivor's own is
        // refused while that customer merge can still be undone
        long strangerCustomer = jdbc.queryForObject("select customer_id from conversation where id = ?", Long.class,
                stranger);
        long customer = jdbc.queryForObject("select customer_id from conversation where id = ?", Long.class, first);
        var customerMerge = hub.postJsonAsAdmin("/api/v1/customers/" + customer + "/merge",
                Map.of("merge", strangerCustomer));
        assertThat(customerMerge.statusCode()).isEqualTo(200);
        var unsafe = hub.postJsonAsAdmin("/api/v1/conversations/" + first + "/merge", Map.of("merge", stranger));
        assertThat(unsafe.statusCode()).isEqualTo(409);
        assertThat(unsafe.body()).contains("brought one of these conversations over");
        assertThat(jdbc.queryForObject("select conversation_id from interaction where body_text = ?", Long.class,
                "someone else " + run)).isEqualTo(stranger);
    }

    @Test
    void tagsAreNormalizedAnnouncedFilteredOnAndBadOnesRefused() {
        long id = conversation();
        String tag = "refund-" + UUID.randomUUID().toString().substring(0, 6);
        var set = hub.putJsonAsAdmin("/api/v1/conversations/" + id + "/tags",
                Map.of("tags", List.of(" VIP ", tag.toUpperCase(), "needs callback", "vip")));
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(hub.read(set.body()).path("tags")).extracting(JsonNode::asText)
                .containsExactly("needs-callback", tag, "vip");
        // the same set again changes nothing and announces nothing
        hub.putJsonAsAdmin("/api/v1/conversations/" + id + "/tags", Map.of("tags", List.of("vip", tag,
                "needs-callback")));
        assertThat(events(id)).containsExactly("ConversationTagged");

        JsonNode listed = hub.getJson("/api/v1/conversations?tag=" + tag);
        assertThat(listed.path("items")).extracting(i -> i.path("id").asLong()).containsExactly(id);
        assertThat(listed.path("items").get(0).path("tags")).extracting(JsonNode::asText).contains("vip");

        var bad = hub.putJsonAsAdmin("/api/v1/conversations/" + id + "/tags", Map.of("tags", List.of("<b>")));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("tag '<b>' is not 1 to 40 letters");
        assertThat(jdbc.queryForObject("select array_length(tags, 1) from conversation where id = ?", Integer.class, id))
                .isEqualTo(3);
    }

    @Test
    void claimGiveUnassignTransferPriorityAndStatus() {
        long id = conversation();
        JsonNode claimed = hub.read(hub.postJsonAsAdmin("/api/v1/conversations/" + id + "/assignment",
                Map.of("assignee", "me")).body());
        Long admin = jdbc.queryForObject("select id from app_user where username = ?", Long.class, HubClient.ADMIN);
        assertThat(claimed.path("assigneeId").asLong()).isEqualTo(admin);
        Map<String, Object> nobody = new HashMap<>();
        nobody.put("assignee", null);
        assertThat(hub.read(hub.postJsonAsAdmin("/api/v1/conversations/" + id + "/assignment", nobody).body())
                .path("assigneeId").isNull()).isTrue();
        hub.postJsonAsAdmin("/api/v1/admin/teams", Map.of("key", "billing", "name", "Billing"));
        JsonNode transferred = hub.read(hub.postJsonAsAdmin("/api/v1/conversations/" + id + "/assignment",
                Map.of("team", "billing")).body());
        assertThat(transferred.path("teamId").asLong()).isEqualTo(jdbc.queryForObject(
                "select id from team where key = 'billing'", Long.class));
        assertThat(hub.postJsonAsAdmin("/api/v1/conversations/" + id + "/assignment", Map.of("assignee", "no-such-user"))
                .statusCode()).isEqualTo(404);

        JsonNode changed = hub.read(hub.patchJsonAsAdmin("/api/v1/conversations/" + id,
                Map.of("priority", "URGENT", "status", "PENDING")).body());
        assertThat(changed.path("priority").asText()).isEqualTo("URGENT");
        assertThat(changed.path("status").asText()).isEqualTo("PENDING");
        assertThat(hub.read(hub.patchJsonAsAdmin("/api/v1/conversations/" + id, Map.of("priority", "URGENT")).body())
                .path("changed").asBoolean()).isFalse();
        assertThat(hub.patchJsonAsAdmin("/api/v1/conversations/" + id, Map.of()).statusCode()).isEqualTo(400);

        assertThat(events(id)).containsExactly("ConversationAssigned", "ConversationAssigned", "ConversationAssigned",
                "ConversationStatusChanged", "ConversationPriorityChanged");
    }

    @Test
    void aNoteIsOnTheConversationAndNeverSent() throws Exception {
        long id = conversation();
        var created = hub.postJsonAsAdmin("/api/v1/conversations/" + id + "/notes", Map.of("text", "VIP, be quick"));
        assertThat(created.statusCode()).isEqualTo(201);
        long note = hub.read(created.body()).path("interactionId").asLong();
        assertThat(jdbc.queryForMap("select kind, direction, delivery_status, body_text from interaction where id = ?",
                note)).containsEntry("kind", "NOTE").containsEntry("direction", "OUTBOUND")
                .containsEntry("delivery_status", null).containsEntry("body_text", "VIP, be quick");
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> jdbc.queryForObject(
                "select delivery_status from interaction where id = ?", String.class, note) == null);
        assertThat(hub.postJsonAsAdmin("/api/v1/conversations/" + id + "/notes", Map.of("text", " ")).statusCode())
                .isEqualTo(400);
        assertThat(hub.getJson("/api/v1/conversations/" + id).toString()).contains("VIP, be quick", "\"kind\":\"NOTE\"");
    }
}
