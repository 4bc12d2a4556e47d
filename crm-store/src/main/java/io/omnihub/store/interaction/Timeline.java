package io.omnihub.store.interaction;

import io.omnihub.store.events.ConversationOpened;
import io.omnihub.store.events.CustomerCreated;
import io.omnihub.store.events.InteractionRecorded;
import io.omnihub.store.events.InteractionUpdated;
import io.omnihub.store.outbox.OutboxWriter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's timeline: every interaction — a customer's message, an agent's reply or note, a call,
 * a business event — is stored here with its {@code InteractionRecorded} event, in the caller's
 * transaction, so the store and the events it publishes never disagree.
 */
@Component
public class Timeline {

    private final InteractionRepository interactions;
    private final OutboxWriter outbox;

    Timeline(InteractionRepository interactions, OutboxWriter outbox) {
        this.interactions = interactions;
        this.outbox = outbox;
    }

    /**
     * Stores the interaction and appends its event.
     *
     * @param inboxKey the inbox it came through or goes out by, for the event's readers; null when it
     *                 is the conversation's own
     * @return the stored interaction, with its id
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Interaction record(Interaction interaction, String inboxKey) {
        Interaction stored = interactions.save(interaction);
        outbox.append(new InteractionRecorded(stored.getId(), stored.getConversationId(), stored.getCustomerId(),
                inboxKey, stored.getChannel(), stored.getDirection().name(), stored.getKind().name(),
                stored.getExternalId(), stored.getOccurredAt()));
        return stored;
    }

    /** Something about a stored interaction changed (a file fetched, a call's outcome): its event, for live views. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void updated(Interaction interaction, String what) {
        outbox.append(new InteractionUpdated(interaction.getId(), interaction.getConversationId(),
                interaction.getCustomerId(), interaction.getChannel(), what));
    }

    /** A customer was created from a first message on a channel. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void customerCreated(long customerId, String channel) {
        outbox.append(new CustomerCreated(customerId, channel));
    }

    /** A conversation was opened in an inbox by a message on a channel. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void conversationOpened(long conversationId, long customerId, String inboxKey, String channel) {
        outbox.append(new ConversationOpened(conversationId, customerId, inboxKey, channel));
    }
}
