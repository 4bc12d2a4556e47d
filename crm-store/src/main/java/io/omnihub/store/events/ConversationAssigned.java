package io.omnihub.store.events;

/** A conversation was given to an agent ({@code how}: ROUND_ROBIN, LEAST_LOADED, or an agent's own action). */
public record ConversationAssigned(Long conversationId, Long customerId, Long assigneeId, String assignee,
        Long teamId, String how) implements HubEvent {
}
