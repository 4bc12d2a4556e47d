package io.omnihub.store.events;

/** An agent owes a conversation some work, e.g. calling back a caller nobody answered. */
public record TaskOpened(Long taskId, Long conversationId, Long customerId, String kind, String title)
        implements HubEvent {
}
