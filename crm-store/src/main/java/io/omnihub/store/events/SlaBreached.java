package io.omnihub.store.events;

import java.time.Instant;

/** An SLA target of a conversation ({@code FIRST_RESPONSE} or {@code RESOLUTION}) passed its due time unmet. */
public record SlaBreached(Long conversationId, Long customerId, String target, String policy, Instant dueAt)
        implements HubEvent {
}
