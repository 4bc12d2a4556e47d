package io.omnihub.routes.held;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnihub.routes.bus.BusProperties;
import io.omnihub.routes.bus.HubHeaders;
import io.omnihub.store.held.HeldItems;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns a message parked in a dead-letter queue into a held item: the raw message, where it was
 * parked from, what it is (channel, inbox, external id, when the payload says), why and since when.
 * A message the broker itself moved there (after {@code outage-delivery-attempts}) carries no
 * reason of ours; it is held with what the broker says.
 */
@Component
class HeldItemIntake {

    private static final Logger log = LoggerFactory.getLogger(HeldItemIntake.class);

    private final HeldItems heldItems;
    private final BusProperties bus;
    private final ObjectMapper json;
    private final Clock clock;

    HeldItemIntake(HeldItems heldItems, BusProperties bus, ObjectMapper json, Clock clock) {
        this.heldItems = heldItems;
        this.bus = bus;
        this.json = json;
        this.clock = clock;
    }

    /** Holds the parked message in the store; the bus acknowledges it after the commit. */
    public void hold(Message parked, @ExchangeProperty(HubHeaders.DEAD_LETTER_QUEUE) String deadLetterQueue) {
        byte[] payload = payload(parked);
        JsonNode body = readLeniently(payload);
        String sourceQueue = text(parked, HubHeaders.SOURCE_QUEUE, text(parked, "_AMQ_ORIG_QUEUE",
                bus.queueOfDeadLetter(deadLetterQueue)));
        String parkingId = text(parked, "JMSMessageID", null);
        String key = text(parked, HubHeaders.HELD_ITEM_KEY, text(parked, HubHeaders.ORIGINAL_DUPLICATE_ID,
                text(parked, HubHeaders.DUPLICATE_ID, null)));
        if (key == null) {
            key = sourceQueue + ":" + (parkingId != null ? parkingId : java.util.UUID.randomUUID());
        }
        int deliveries = parked.getHeader(HubHeaders.DELIVERIES, 0, Integer.class);
        String reason = text(parked, HubHeaders.FAILURE_REASON, null);
        if (reason == null) {
            reason = "the broker gave up on it after " + bus.outageDeliveryAttempts() + " deliveries (it failed while "
                    + "a dependency was unreachable, or a hub node stopped while recording it)";
            deliveries = bus.outageDeliveryAttempts();
        }
        Instant now = clock.instant();
        Instant first = instant(parked.getHeader(HubHeaders.FIRST_ATTEMPT_AT, Long.class), now);
        Instant failed = instant(parked.getHeader(HubHeaders.FAILED_AT, Long.class), now);
        long id = heldItems.hold(new HeldItems.Parking(sourceQueue, key, parkingId, field(body, "channel"),
                field(body, "inbox"), field(body, "externalId"), reason,
                text(parked, HubHeaders.FAILURE_EXCEPTION, null), payload, deliveries, first, failed));
        log.warn("held item {} from {}: {}", id, sourceQueue, reason);
    }

    private static byte[] payload(Message parked) {
        Object body = parked.getBody();
        if (body instanceof byte[] bytes) {
            return bytes;
        }
        String text = parked.getBody(String.class);
        return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
    }

    private JsonNode readLeniently(byte[] payload) {
        try {
            JsonNode node = json.readTree(payload);
            return node != null && node.isObject() ? node : null;
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    private static String field(JsonNode body, String name) {
        if (body == null || !body.path(name).isTextual()) {
            return null;
        }
        String value = body.path(name).asText();
        return value.isBlank() ? null : value;
    }

    private static String text(Message message, String header, String otherwise) {
        String value = message.getHeader(header, String.class);
        return value == null || value.isBlank() ? otherwise : value;
    }

    private static Instant instant(Long millis, Instant otherwise) {
        return millis == null || millis <= 0 ? otherwise : Instant.ofEpochMilli(millis);
    }
}
