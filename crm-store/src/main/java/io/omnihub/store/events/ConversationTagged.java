package io.omnihub.store.events;

import java.util.List;

/** An agent changed a conversation's tags; {@code tags} is the whole new set. */
public record ConversationTagged(Long conversationId, Long customerId, List<String> tags, String changedBy)
        implements HubEvent {
}
