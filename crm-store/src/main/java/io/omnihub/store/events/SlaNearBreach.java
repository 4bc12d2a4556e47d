package io.omnihub.store.events;

import java.time.Instant;

/** An SLA target of a conversation ({@code FIRST_RESPONSE} or {@code RESOLUTION}) is close to due. */
public record SlaNearBreach(Long conversationId, Long customerId, String target, String policy, Instant dueAt)
        implements HubEvent {
}
