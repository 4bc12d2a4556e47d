package io.omnihub.store.events;

/**
 * An agent asked the ERP/SCM something about a customer's business from a conversation: a return
 * to authorise ({@code requestType} {@code return.requested}) or an order to look into
 * ({@code order.inquiry}). The answer comes back as a business event naming {@code requestId} in
 * {@code inReplyTo}, and lands on the same conversation.
 */
public record BusinessRequestRaised(String requestId, String requestType, Long conversationId, Long customerId,
        String erpNumber, String reference, String note, String agent) implements HubEvent {
}
