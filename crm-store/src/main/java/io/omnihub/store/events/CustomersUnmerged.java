package io.omnihub.store.events;

/** A merge was undone: {@code mergedId} is a customer of its own again, with what it had. */
public record CustomersUnmerged(Long customerId, Long mergedId, Long mergeId, String undoneBy) implements HubEvent {
}
