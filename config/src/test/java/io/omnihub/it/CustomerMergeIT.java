package io.omnihub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Merging two customers who are one person, then undoing it: after the merge one customer has both
 * histories; after the unmerge both customers are exactly as before — fields, contact points,
 * conversations, interactions. Only supervisors and administrators merge; refusals name the reason.
 */
@WithRunningHub
class CustomerMergeIT {

    @Autowired
    HubClient hub;
    @Autowired
    JdbcTemplate jdbc;

    private long customer(Map<String, String> fields, String contact) {
        assertThat(hub.postForm("contact", fields).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from contact_point where value = ?", Long.class, contact) == 1);
        return jdbc.queryForObject("select customer_id from contact_point where value = ?", Long.class, contact);
    }

    /** Everything that makes up a customer, as comparable text. */
    private String snapshot(long customer) {
        return jdbc.queryForMap("select display_name, erp_number, merged_into_id from customer where id = ?", customer)
                + " " + jdbc.queryForList("select type || ':' || value from contact_point where customer_id = ? order by "
                + "id", String.class, customer)
                + " " + jdbc.queryForList("select id from conversation where customer_id = ? order by id", Long.class,
                customer)
                + " " + jdbc.queryForList("select id from interaction where customer_id = ? order by id", Long.class,
                customer);
    }

    @Test
    void mergeThenUnmergeLeavesBothCustomersExactlyAsBefore() {
        String u = UUID.randomUUID().toString().substring(0, 8);
        String email = "merge-" + u + "@example.com";
        String phone = "+1602555" + String.format("01%02d", (int) (Math.random() * 100));
        long ada = customer(HubClient.fields("name", "Ada " + u, "email", email, "message", "by mail"), email);
        long other = customer(HubClient.fields("phone", phone, "message", "by phone"), phone);
        jdbc.update("update customer set erp_number = ? where id = ?", "M-" + u, other);
        String adaBefore = snapshot(ada);
        String otherBefore = snapshot(other);

        var merged = hub.postJsonAsAdmin("/api/v1/customers/" + ada + "/merge", Map.of("merge", other));
        assertThat(merged.statusCode()).isEqualTo(200);
        long mergeId = hub.read(merged.body()).path("mergeId").asLong();
        assertThat(jdbc.queryForList("select type || ':' || value from contact_point where customer_id = ? order by id",
                String.class, ada)).containsExactly("EMAIL:" + email, "PHONE:" + phone);
        assertThat(hub.getJson("/api/v1/customers/" + ada + "/timeline").path("items")).hasSize(2);
        assertThat(jdbc.queryForMap("select erp_number, display_name from customer where id = ?", ada))
                .containsEntry("erp_number", "M-" + u).containsEntry("display_name", "Ada " + u);
        assertThat(jdbc.queryForObject("select merged_into_id from customer where id = ?", Long.class, other))
                .isEqualTo(ada);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'customer.merge' and entity_id = ?",
                Long.class, String.valueOf(ada))).isEqualTo(1);

        // refused: merging again, into itself, a merged customer
        assertThat(hub.postJsonAsAdmin("/api/v1/customers/" + ada + "/merge", Map.of("merge", other)).statusCode())
                .isEqualTo(409);
        assertThat(hub.postJsonAsAdmin("/api/v1/customers/" + ada + "/merge", Map.of("merge", ada)).statusCode())
                .isEqualTo(409);
        assertThat(hub.postJsonAsAdmin("/api/v1/customers/" + ada + "/merge", Map.of("merge", 999_999)).statusCode())
                .isEqualTo(404);

        assertThat(hub.postJsonAsAdmin("/api/v1/customer-merges/" + mergeId + "/undo", Map.of()).statusCode())
                .isEqualTo(200);
        assertThat(snapshot(ada)).isEqualTo(adaBefore);
        assertThat(snapshot(other)).isEqualTo(otherBefore);
        assertThat(hub.postJsonAsAdmin("/api/v1/customer-merges/" + mergeId + "/undo", Map.of()).statusCode())
                .isEqualTo(409);
        assertThat(jdbc.queryForList("select event_type from outbox where customer_id = ? and event_type like "
                + "'Customers%' order by id", String.class, ada)).containsExactly("CustomersMerged", "CustomersUnmerged");
    }

    @Test
    void agentsCannotMerge() {
        String u = UUID.randomUUID().toString().substring(0, 8);
        hub.postJsonAsAdmin("/api/v1/admin/users", Map.of("username", "merge-agent-" + u, "displayName", "Agent",
                "password", "agent-password-" + u, "roles", List.of("AGENT")));
        var response = hub.send(HttpRequest.newBuilder(hub.uri("/api/v1/customers/1/merge"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("merge-agent-" + u
                        + ":agent-password-" + u).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("{\"merge\": 2}")));
        assertThat(response.statusCode()).isEqualTo(403);
    }
}
