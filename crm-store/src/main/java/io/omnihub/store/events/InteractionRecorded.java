package io.omnihub.store.events;

import java.time.Instant;

/** An interaction was stored on a customer's timeline. */
public record InteractionRecorded(Long interactionId, Long conversationId, Long customerId, String inbox,
        String channel, String direction, String kind, String externalId, Instant occurredAt) implements HubEvent {
}
