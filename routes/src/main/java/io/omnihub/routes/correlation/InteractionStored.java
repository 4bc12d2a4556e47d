package io.omnihub.routes.correlation;

import io.omnihub.connectors.bus.InboundInteraction;
import io.omnihub.store.conversation.Conversation;
import io.omnihub.store.inbox.Inbox;
import io.omnihub.store.interaction.Interaction;

/**
 * Published inside the recording transaction once an inbound interaction is stored with its
 * events. What follows from it — SLA clocks, assignment, an acknowledgement, fetching media,
 * consent keywords, and the automation rules and reports to come — listens for this in its own
 * package and writes in the same transaction, so all of it commits with the interaction or none.
 * Listeners are ordered by {@link org.springframework.core.annotation.Order}; the constants here
 * name the order the hub keeps.
 *
 * @param received           the interaction as its channel read it
 * @param inbox              the inbox it came through
 * @param conversation       the conversation it is in
 * @param interaction        the stored interaction
 * @param opensConversation  whether it opened that conversation
 */
public record InteractionStored(InboundInteraction received, Inbox inbox, Conversation conversation,
        Interaction interaction, boolean opensConversation) {

    public static final int SLA = 10;
    public static final int MEDIA = 20;
    public static final int ACKNOWLEDGEMENT = 30;
    public static final int ASSIGNMENT = 40;
    public static final int CONSENT = 50;

    /** Whether it opened a conversation as a customer's message (not one of ours sent elsewhere). */
    public boolean opensCustomerConversation() {
        return opensConversation && interaction.getDirection() == io.omnihub.store.interaction.Direction.INBOUND;
    }
}
