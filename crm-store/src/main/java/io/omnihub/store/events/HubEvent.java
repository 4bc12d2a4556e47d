package io.omnihub.store.events;

/**
 * A domain event: a past-tense fact, written to the outbox in the transaction that made it true
 * and published on {@code hub.events} after commit.
 */
public sealed interface HubEvent permits CustomerCreated, ConversationOpened, InteractionRecorded,
        DeliveryStatusChanged, InteractionUpdated, TaskOpened, BusinessRequestRaised, ConversationStatusChanged,
        ConversationResolved, SlaNearBreach, SlaBreached, ConversationAssigned, ConversationPriorityChanged,
        CustomersMerged, CustomersUnmerged, ConversationTagged, ConversationsMerged {

    /** The customer the event belongs to; consumers keep per-customer order on it. */
    Long customerId();

    /** The event's name on the bus, e.g. {@code InteractionRecorded}. */
    default String type() {
        return getClass().getSimpleName();
    }
}
