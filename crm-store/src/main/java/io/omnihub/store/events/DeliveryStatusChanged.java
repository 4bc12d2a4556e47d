package io.omnihub.store.events;

/**
 * What happened to a message we sent: QUEUED, SENT, FAILED (with the reason the server gave).
 */
public record DeliveryStatusChanged(Long interactionId, Long conversationId, Long customerId, String channel,
        String status, String error) implements HubEvent {
}
