package io.omnihub.it;

import static io.omnihub.it.HubClient.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnihub.connectors.bus.Address;
import io.omnihub.connectors.bus.InboundInteraction;
import io.omnihub.connectors.bus.Sender;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Nothing twice: a resubmitted form with the same idempotency key, the same bus message delivered
 * twice, and redeliveries after a crash before or after the commit each leave exactly one
 * interaction.
 */
@WithRunningHub
class DuplicateDeliveriesRecordOnceIT {

    @Autowired
    HubClient hub;
    @Autowired
    BusProbe bus;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    CommitFaults commitFaults;
    @Autowired
    FaultInjection faults;

    private int interactions(String externalId) {
        Integer n = jdbc.queryForObject("select count(*) from interaction where external_id = ?", Integer.class,
                externalId);
        return n == null ? 0 : n;
    }

    private void awaitRecorded(String externalId) {
        await().atMost(Duration.ofSeconds(15)).until(() -> interactions(externalId) > 0);
    }

    /** A later message through the same queue: once it is recorded, anything sent before it was handled. */
    private void drainInbound() {
        String sentinel = UUID.randomUUID().toString();
        bus.send("hub.inbound", message(sentinel, "sentinel@example.com"), Map.of());
        awaitRecorded(sentinel);
    }

    private String message(String externalId, String email) {
        try {
            return json.writeValueAsString(InboundInteraction.builder("webform", "contact", externalId)
                    .kind("FORM_SUBMISSION").occurredAt(Instant.now())
                    .from(new Sender("Bus Test", List.of(Address.email(email)))).text("hello").build());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void resubmissionWithTheSameIdempotencyKeyCreatesNothingNew() {
        String key = UUID.randomUUID().toString();
        byte[] body = HubClient.urlEncoded(fields("email", "idem@example.com", "message", "once"))
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> first = hub.post("/channels/webform/contact", "application/x-www-form-urlencoded", body,
                "Idempotency-Key", key);
        HttpResponse<String> second = hub.post("/channels/webform/contact", "application/x-www-form-urlencoded", body,
                "Idempotency-Key", key);

        String trackingId = hub.read(first.body()).get("trackingId").asText();
        assertThat(hub.read(second.body()).get("trackingId").asText()).isEqualTo(trackingId);
        awaitRecorded(trackingId);
        drainInbound();
        assertThat(interactions(trackingId)).isEqualTo(1);
    }

    @Test
    void theSameBusMessageDeliveredTwiceIsRecordedOnce() {
        String externalId = UUID.randomUUID().toString();
        String payload = message(externalId, "twice@example.com");
        // no duplicate id: the broker lets both through, the store must see the second as a no-op
        bus.send("hub.inbound", payload, Map.of());
        bus.send("hub.inbound", payload, Map.of());

        await().atMost(Duration.ofSeconds(15)).until(() -> faults.recordCalls(externalId) == 2);
        assertThat(interactions(externalId)).isEqualTo(1);
        assertThat(bus.browse("hub.inbound.dlq")).noneMatch(m -> m.text() != null && m.text().contains(externalId));
    }

    @Test
    void crashBetweenDeliveryAndCommitIsRedeliveredAndStoredExactlyOnce() {
        String externalId = UUID.randomUUID().toString();
        commitFaults.failCommits(externalId, 1);

        bus.send("hub.inbound", message(externalId, "crash-before@example.com"), Map.of());

        awaitRecorded(externalId);
        assertThat(commitFaults.attempts(externalId)).isEqualTo(2);
        assertThat(faults.recordCalls(externalId)).isEqualTo(2);
        assertThat(interactions(externalId)).isEqualTo(1);
    }

    @Test
    void crashAfterCommitBeforeAcknowledgementIsRedeliveredAsANoOp() {
        String externalId = UUID.randomUUID().toString();
        faults.failOnceAfterCommit(externalId);

        bus.send("hub.inbound", message(externalId, "crash-after@example.com"), Map.of());

        await().atMost(Duration.ofSeconds(15)).until(() -> faults.recordCalls(externalId) == 2);
        assertThat(interactions(externalId)).isEqualTo(1);
        Integer events = jdbc.queryForObject("select count(*) from outbox where event_type = 'InteractionRecorded' "
                + "and payload ->> 'externalId' = ?", Integer.class, externalId);
        assertThat(events).isEqualTo(1);
    }
}
