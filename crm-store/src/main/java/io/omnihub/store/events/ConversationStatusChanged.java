package io.omnihub.store.events;

/** An agent moved a conversation from one status to another (OPEN, PENDING, RESOLVED). */
public record ConversationStatusChanged(Long conversationId, Long customerId, String from, String to,
        String changedBy) implements HubEvent {
}
