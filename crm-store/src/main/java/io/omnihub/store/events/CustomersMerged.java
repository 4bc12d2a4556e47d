package io.omnihub.store.events;

/** Two customers were one person: everything of {@code mergedId} now belongs to {@code customerId}. */
public record CustomersMerged(Long customerId, Long mergedId, Long mergeId, String mergedBy) implements HubEvent {
}
