package io.omnihub.store.events;

/** An agent changed a conversation's priority (LOW, NORMAL, HIGH, URGENT). */
public record ConversationPriorityChanged(Long conversationId, Long customerId, String from, String to,
        String changedBy) implements HubEvent {
}
