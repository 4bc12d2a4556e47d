package io.omnihub.console.held;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnihub.store.held.HeldItem;
import java.time.Instant;

/**
 * A held item as the API and the console show it: the item, and what its payload says of the
 * interaction when it is one (who it is from, subject, the first words), so an agent can judge it
 * without opening the raw message.
 *
 * @param original the blob key of the original message (an email's .eml) when the payload names one
 */
public record HeldItemView(long id, String status, String sourceQueue, String channel, String inbox,
        String externalId, String reason, String exception, int attempts, Instant firstAttemptAt,
        Instant lastAttemptAt, long payloadBytes, String from, String subject, String preview, boolean original,
        Long customerId, Long interactionId, String resolvedBy, Instant resolvedAt, String note) {

    private static final int PREVIEW = 280;

    static HeldItemView of(HeldItem item, JsonNode payload) {
        String from = null;
        String subject = null;
        String preview = null;
        boolean original = false;
        if (payload != null) {
            JsonNode sender = payload.path("from");
            JsonNode address = sender.path("addresses").path(0).path("value");
            String name = sender.path("name").isTextual() ? sender.path("name").asText() : null;
            from = address.isTextual() ? (name != null ? name + " <" + address.asText() + ">" : address.asText()) : name;
            subject = payload.path("subject").isTextual() ? payload.path("subject").asText() : null;
            String text = payload.path("text").isTextual() ? payload.path("text").asText().strip() : null;
            preview = text == null || text.length() <= PREVIEW ? text : text.substring(0, PREVIEW) + "…";
            original = payload.path("metadata").path("original").path("sha256").isTextual();
        }
        return new HeldItemView(item.id(), item.status().name(), item.sourceQueue(), item.channel(), item.inbox(),
                item.externalId(), item.reason(), item.exception(), item.attempts(), item.firstAttemptAt(),
                item.lastAttemptAt(), item.payloadBytes(), from, subject, preview, original, item.customerId(),
                item.interactionId(), item.resolvedBy(), item.resolvedAt(), item.note());
    }
}
