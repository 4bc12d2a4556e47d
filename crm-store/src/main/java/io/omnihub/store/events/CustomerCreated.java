package io.omnihub.store.events;

/** A customer was seen for the first time on the given channel. */
public record CustomerCreated(Long customerId, String channel) implements HubEvent {
}
