package io.omnihub.store.interaction;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The facts of an interaction as a channel reported them, before it is placed on a customer's
 * timeline. {@code sanitizedHtml} must already be safe to show.
 */
public record InteractionDraft(String channel, Direction direction, InteractionKind kind, String externalId,
        Instant occurredAt, String sender, String subject, String text, String sanitizedHtml, List<String> flags,
        Map<String, Object> metadata) {

    public InteractionDraft {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        flags = flags == null ? List.of() : List.copyOf(flags);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
