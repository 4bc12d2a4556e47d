package io.omnihub.store.events;

/** An agent merged conversation {@code mergedId} into {@code conversationId} (same customer). */
public record ConversationsMerged(Long conversationId, Long customerId, Long mergedId, int interactionsMoved,
        String mergedBy) implements HubEvent {
}
