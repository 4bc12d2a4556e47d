package io.omnihub.store.events;

/** A new conversation was opened in an inbox. */
public record ConversationOpened(Long conversationId, Long customerId, String inbox, String channel)
        implements HubEvent {
}
