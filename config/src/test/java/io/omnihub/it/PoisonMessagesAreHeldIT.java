package io.omnihub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnihub.connectors.bus.Address;
import io.omnihub.connectors.bus.InboundInteraction;
import io.omnihub.connectors.bus.Sender;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Poison messages end where agents see them, never only in a dead-letter queue: one that can never
 * be read, names an unknown inbox or holds a value the database refuses is held at once with the
 * reason; one that keeps failing is held after the configured deliveries (3 in tests) with the last
 * reason. Other messages keep flowing meanwhile. A held item can be retried after a fix (it becomes
 * RECORDED), attached to a customer an agent chose, or discarded; each action is audited.
 */
@WithRunningHub
class PoisonMessagesAreHeldIT {

    @Autowired
    BusProbe bus;
    @Autowired
    HubClient hub;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    CommitFaults commitFaults;
    @Autowired
    FaultInjection faults;

    private String message(String externalId, String inbox, String email) throws Exception {
        return json.writeValueAsString(InboundInteraction.builder("webform", inbox, externalId)
                .kind("FORM_SUBMISSION").occurredAt(Instant.now())
                // a sender of its own: two concurrent first messages of one new sender race to create
                // the customer (the loser is redelivered), which would count as an extra attempt here
                .from(new Sender(null, List.of(Address.email(email)))).text("x " + externalId)
                .build());
    }

    private String message(String externalId, String inbox) throws Exception {
        return message(externalId, inbox, "poison-" + externalId + "@example.com");
    }

    private boolean recorded(String externalId) {
        Integer n = jdbc.queryForObject("select count(*) from interaction where external_id = ?", Integer.class,
                externalId);
        return n != null && n > 0;
    }

    /** The held item whose raw payload contains the marker, as the API lists it. */
    private JsonNode heldItem(String marker) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            Long id = jdbc.query("select id from held_item where position(convert_to(?, 'UTF8') in payload) > 0",
                    (rs, n) -> rs.getLong(1), marker).stream().findFirst().orElse(null);
            return id == null ? Optional.<JsonNode>empty() : Optional.of(hub.getJson("/api/v1/held-items/" + id));
        }, Optional::isPresent).orElseThrow();
    }

    @Test
    void unreadableMessageIsHeldAtOnceWithTheReasonAndItsRawBytes() {
        String marker = UUID.randomUUID().toString();
        bus.send("hub.inbound", "{ this is not json " + marker, Map.of());

        JsonNode item = heldItem(marker);
        assertThat(item.path("status").asText()).isEqualTo("HELD");
        assertThat(item.path("sourceQueue").asText()).isEqualTo("hub.inbound");
        assertThat(item.path("reason").asText()).isNotBlank();
        assertThat(item.path("attempts").asInt()).isEqualTo(1);
        assertThat(hub.get("/api/v1/held-items/" + item.path("id").asLong() + "/raw", HubClient.ADMIN,
                HubClient.ADMIN_PASSWORD).body()).isEqualTo("{ this is not json " + marker);
        // the dead-letter queue is drained into held items: nothing waits there unseen
        await().atMost(Duration.ofSeconds(10)).until(() -> bus.browse("hub.inbound.dlq").stream()
                .noneMatch(m -> m.text() != null && m.text().contains(marker)));
    }

    @Test
    void aStatusReportNoOneCanApplyIsHeldFromItsOwnQueue() {
        String unreadable = UUID.randomUUID().toString();
        bus.send("hub.status", "{ not a status report " + unreadable, Map.of());
        JsonNode item = heldItem(unreadable);
        assertThat(item.path("sourceQueue").asText()).isEqualTo("hub.status");
        assertThat(item.path("attempts").asInt()).isEqualTo(1);

        // a kind no version of the hub knows
        String unknown = UUID.randomUUID().toString();
        bus.send("hub.status", "{\"schema\":\"omnihub.status.v1\",\"kind\":\"FAX_RECEIPT\",\"channel\":\"fax\","
                + "\"inbox\":\"contact\",\"reference\":\"" + unknown + "\",\"event\":\"printed\"}", Map.of());
        JsonNode strange = heldItem(unknown);
        assertThat(strange.path("sourceQueue").asText()).isEqualTo("hub.status");
        assertThat(strange.path("channel").asText()).isEqualTo("fax");
        assertThat(strange.path("reason").asText()).contains("FAX_RECEIPT");
        await().atMost(Duration.ofSeconds(30)).until(() -> bus.browse("hub.status.dlq").stream()
                .noneMatch(m -> m.text() != null && (m.text().contains(unknown) || m.text().contains(unreadable))));
    }

    @Test
    void messageForAnUnknownInboxIsHeldWithoutRetries() throws Exception {
        String externalId = UUID.randomUUID().toString();
        bus.send("hub.inbound", message(externalId, "no-such-inbox"), Map.of());

        JsonNode item = heldItem(externalId);
        assertThat(item.path("reason").asText()).contains("no-such-inbox");
        assertThat(item.path("channel").asText()).isEqualTo("webform");
        assertThat(item.path("inbox").asText()).isEqualTo("no-such-inbox");
        assertThat(item.path("externalId").asText()).isEqualTo(externalId);
        assertThat(faults.recordCalls(externalId)).isEqualTo(1);
    }

    @Test
    void valueTheDatabaseRefusesIsHeldAtOnceNotRetried() throws Exception {
        // an id too long for its index: PostgreSQL refuses it (program limit), and no retry can change that
        StringBuilder random = new StringBuilder("long-" + UUID.randomUUID() + "-");
        while (random.length() < 12_000) {
            random.append(UUID.randomUUID());
        }
        String externalId = random.toString();
        bus.send("hub.inbound", message(externalId, "contact", "long-id-" + UUID.randomUUID() + "@example.com"),
                Map.of());

        JsonNode item = heldItem(externalId.substring(0, 41));
        assertThat(item.path("attempts").asInt()).isEqualTo(1);
        assertThat(item.path("reason").asText()).containsIgnoringCase("index row");
        assertThat(faults.recordCalls(externalId)).isEqualTo(1);
    }

    @Test
    void messageThatKeepsFailingIsHeldAfterTheConfiguredDeliveriesWhileOthersFlowThenRetriedAfterTheFix()
            throws Exception {
        String poison = UUID.randomUUID().toString();
        commitFaults.failCommits(poison, 3);
        bus.send("hub.inbound", message(poison, "contact"), Map.of());

        String healthy = UUID.randomUUID().toString();
        bus.send("hub.inbound", message(healthy, "contact"), Map.of());
        await().atMost(Duration.ofSeconds(10)).until(() -> recorded(healthy));

        JsonNode item = heldItem(poison);
        assertThat(commitFaults.attempts(poison)).isEqualTo(3);
        assertThat(item.path("attempts").asInt()).isEqualTo(3);
        assertThat(item.path("reason").asText()).startsWith("failed 3 times").contains("simulated crash");
        assertThat(recorded(poison)).isFalse();

        // the fault is gone (three failures were all it had): retry from the held item
        long id = item.path("id").asLong();
        assertThat(hub.postJsonAsAdmin("/api/v1/held-items/" + id + "/retry", Map.of()).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(15)).until(() -> recorded(poison));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                "RECORDED".equals(hub.getJson("/api/v1/held-items/" + id).path("status").asText()));
        JsonNode done = hub.getJson("/api/v1/held-items/" + id);
        assertThat(done.path("interactionId").asLong()).isEqualTo(jdbc.queryForObject(
                "select id from interaction where external_id = ?", Long.class, poison));
        assertThat(done.path("resolvedBy").asText()).isEqualTo(HubClient.ADMIN);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'held-item.retry' "
                + "and entity_id = ?", Integer.class, String.valueOf(id))).isEqualTo(1);
        // a recorded item is not retried twice
        assertThat(hub.postJsonAsAdmin("/api/v1/held-items/" + id + "/retry", Map.of()).statusCode()).isEqualTo(409);
    }

    @Test
    void interactionWithAnUnreadableSenderIsAttachedToTheCustomerAnAgentChose() throws Exception {
        String run = UUID.randomUUID().toString();
        String externalId = "unreadable-sender-" + run;
        bus.send("hub.inbound", message(externalId, "contact", "not an address " + run), Map.of());
        JsonNode item = heldItem(externalId);
        assertThat(item.path("reason").asText()).contains("invalid");
        assertThat(item.path("from").asText()).isEqualTo("not an address " + run);

        hub.postForm("contact", HubClient.fields("email", "chosen-" + run + "@example.com", "message", "hello"));
        long customer = await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.query(
                "select customer_id from contact_point where value = ?", (rs, n) -> rs.getLong(1),
                "chosen-" + run + "@example.com").stream().findFirst(), Optional::isPresent).orElseThrow();

        long id = item.path("id").asLong();
        assertThat(hub.postJsonAsAdmin("/api/v1/held-items/" + id + "/attach", Map.of("customerId", customer))
                .statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(15)).until(() -> recorded(externalId));
        assertThat(jdbc.queryForObject("select customer_id from interaction where external_id = ?", Long.class,
                externalId)).isEqualTo(customer);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                "RECORDED".equals(hub.getJson("/api/v1/held-items/" + id).path("status").asText()));
        assertThat(hub.getJson("/api/v1/held-items/" + id).path("customerId").asLong()).isEqualTo(customer);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'held-item.attach' "
                + "and entity_id = ?", Integer.class, String.valueOf(id))).isEqualTo(1);
        // attaching to no one is refused with the reason
        assertThat(hub.postJsonAsAdmin("/api/v1/held-items/" + id + "/attach", Map.of()).statusCode()).isEqualTo(400);
    }

    @Test
    void discardedItemStaysListedWithWhoAndWhy() throws Exception {
        String externalId = UUID.randomUUID().toString();
        bus.send("hub.inbound", message(externalId, "no-such-inbox"), Map.of());
        long id = heldItem(externalId).path("id").asLong();
        assertThat(hub.getJson("/api/v1/held-items").path("items").findValuesAsText("externalId"))
                .contains(externalId);

        assertThat(hub.postJsonAsAdmin("/api/v1/held-items/" + id + "/discard", Map.of("note", "test post"))
                .statusCode()).isEqualTo(200);
        JsonNode item = hub.getJson("/api/v1/held-items/" + id);
        assertThat(item.path("status").asText()).isEqualTo("DISCARDED");
        assertThat(item.path("note").asText()).isEqualTo("test post");
        assertThat(hub.getJson("/api/v1/held-items").path("items").findValuesAsText("externalId"))
                .doesNotContain(externalId);
        assertThat(hub.getJson("/api/v1/held-items?status=DISCARDED").path("items").findValuesAsText("externalId"))
                .contains(externalId);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'held-item.discard' "
                + "and entity_id = ?", Integer.class, String.valueOf(id))).isEqualTo(1);
        assertThat(hub.postJsonAsAdmin("/api/v1/held-items/" + id + "/discard", Map.of()).statusCode())
                .isEqualTo(409);
    }

    @Test
    void healthAndMetricsCountHeldItems() throws Exception {
        String externalId = UUID.randomUUID().toString();
        bus.send("hub.inbound", message(externalId, "no-such-inbox"), Map.of());
        heldItem(externalId);

        JsonNode health = hub.getJson("/actuator/health");
        assertThat(health.path("components").path("heldItems").path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("heldItems").path("details").path("held").asLong())
                .isPositive();
        await().atMost(Duration.ofSeconds(15)).until(() -> hub.get("/actuator/prometheus", HubClient.ADMIN,
                HubClient.ADMIN_PASSWORD).body().lines()
                .anyMatch(l -> l.startsWith("omnihub_held_items{") && l.contains("queue=\"hub.inbound\"")
                        && !l.endsWith(" 0.0")));
    }
}
