package io.omnihub.store.events;

/**
 * A conversation was resolved: the fact ERP/SCM targets usually want (close a case, survey the
 * customer), sent beside {@link ConversationStatusChanged}.
 */
public record ConversationResolved(Long conversationId, Long customerId, String inbox, String channel,
        String resolvedBy) implements HubEvent {
}
