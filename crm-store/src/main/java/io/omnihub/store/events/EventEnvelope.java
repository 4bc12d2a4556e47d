package io.omnihub.store.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * The JSON shape of every message on {@code hub.events}.
 *
 * @param eventId    unique per event; the idempotency key consumers (ERP, SCM, webhooks) de-duplicate on
 * @param sequence   the outbox position: increasing, so a consumer that reconnects can ask for what
 *                   came after the last sequence it saw
 * @param type       the event's name, e.g. {@code InteractionRecorded}
 * @param occurredAt when the change was committed
 * @param data       the event record itself
 */
public record EventEnvelope(String schema, UUID eventId, long sequence, String type, Instant occurredAt,
        Long customerId, JsonNode data) {

    public static final String SCHEMA = "omnihub.event.v1";
}
