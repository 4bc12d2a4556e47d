package io.omnihub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnihub.connectors.bus.Address;
import io.omnihub.connectors.bus.InboundInteraction;
import io.omnihub.connectors.bus.Sender;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Poison messages: one that can never be read is parked in {@code hub.inbound.dlq} at once with the
 * reason; one that keeps failing moves there after the configured deliveries (3 in tests). Both
 * stay visible in the dead-letter queue, and other messages keep flowing meanwhile.
 */
@WithRunningHub
class PoisonMessagesAreDeadLetteredIT {

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

    private String message(String externalId, String inbox) throws Exception {
        return json.writeValueAsString(InboundInteraction.builder("webform", inbox, externalId)
                .kind("FORM_SUBMISSION").occurredAt(Instant.now())
                // a sender of its own: two concurrent first messages of one new sender race to create
                // the customer (the loser is redelivered), which would count as an extra attempt here
                .from(new Sender(null, List.of(Address.email("poison-" + externalId + "@example.com")))).text("x")
                .build());
    }

    private boolean recorded(String externalId) {
        Integer n = jdbc.queryForObject("select count(*) from interaction where external_id = ?", Integer.class,
                externalId);
        return n != null && n > 0;
    }

    @Test
    void unreadableMessageIsParkedAtOnceWithTheReason() {
        String marker = UUID.randomUUID().toString();
        bus.send("hub.inbound", "{ this is not json " + marker, Map.of());

        BusProbe.BusMessage parked = await().atMost(Duration.ofSeconds(10)).until(
                () -> bus.browse("hub.inbound.dlq").stream().filter(m -> m.text().contains(marker)).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
        assertThat(parked.property("omnihubFailureReason")).isNotBlank();
        assertThat(parked.property("omnihubFailedRoute")).isEqualTo("interaction-correlate");
        assertThat(parked.properties()).containsKey("omnihubFailureException");
    }

    @Test
    void messageForAnUnknownInboxIsParkedWithoutRetries() throws Exception {
        String externalId = UUID.randomUUID().toString();
        bus.send("hub.inbound", message(externalId, "no-such-inbox"), Map.of());

        BusProbe.BusMessage parked = await().atMost(Duration.ofSeconds(10)).until(
                () -> bus.browse("hub.inbound.dlq").stream().filter(m -> m.text().contains(externalId)).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
        assertThat(parked.property("omnihubFailureReason")).contains("no-such-inbox");
        assertThat(faults.recordCalls(externalId)).isEqualTo(1);
    }

    @Test
    void messageThatKeepsFailingIsDeadLetteredAfterTheConfiguredDeliveriesWhileOthersFlow() throws Exception {
        String poison = UUID.randomUUID().toString();
        commitFaults.failCommits(poison, Integer.MAX_VALUE);
        bus.send("hub.inbound", message(poison, "contact"), Map.of());

        String healthy = UUID.randomUUID().toString();
        bus.send("hub.inbound", message(healthy, "contact"), Map.of());
        await().atMost(Duration.ofSeconds(10)).until(() -> recorded(healthy));

        BusProbe.BusMessage dead = await().atMost(Duration.ofSeconds(20)).until(
                () -> bus.browse("hub.inbound.dlq").stream().filter(m -> m.text().contains(poison)).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
        assertThat(commitFaults.attempts(poison)).isEqualTo(3);
        assertThat(dead.property("_AMQ_ORIG_QUEUE")).isEqualTo("hub.inbound");
        assertThat(recorded(poison)).isFalse();
    }
}
