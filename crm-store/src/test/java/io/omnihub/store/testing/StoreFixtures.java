package io.omnihub.store.testing;

import io.omnihub.store.conversation.Conversation;
import io.omnihub.store.conversation.ConversationRepository;
import io.omnihub.store.customer.Customer;
import io.omnihub.store.customer.CustomerRepository;
import io.omnihub.store.inbox.Inbox;
import io.omnihub.store.inbox.InboxRepository;
import io.omnihub.store.interaction.Direction;
import io.omnihub.store.interaction.Interaction;
import io.omnihub.store.interaction.InteractionDraft;
import io.omnihub.store.interaction.InteractionKind;
import io.omnihub.store.interaction.InteractionRepository;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Builds rows for persistence tests through the real repositories. */
@Component
public class StoreFixtures {

    private final CustomerRepository customers;
    private final InboxRepository inboxes;
    private final ConversationRepository conversations;
    private final InteractionRepository interactions;

    StoreFixtures(CustomerRepository customers, InboxRepository inboxes, ConversationRepository conversations,
            InteractionRepository interactions) {
        this.customers = customers;
        this.inboxes = inboxes;
        this.conversations = conversations;
        this.interactions = interactions;
    }

    public Customer customer(String name) {
        return customers.save(new Customer(name, Instant.now()));
    }

    public Inbox inbox(String channel) {
        String key = channel + "-" + UUID.randomUUID().toString().substring(0, 8);
        return inboxes.save(new Inbox(key, channel, "Test " + key, Instant.now()));
    }

    public Conversation conversation(Customer customer, Inbox inbox, Instant openedAt) {
        return conversations.save(new Conversation(customer.getId(), inbox.getId(), inbox.getChannel(), "subject",
                null, "test", openedAt));
    }

    public Interaction interaction(Conversation conversation, Instant occurredAt) {
        InteractionDraft draft = new InteractionDraft(conversation.getChannel(), Direction.INBOUND,
                InteractionKind.MESSAGE, UUID.randomUUID().toString(), occurredAt, "sender", "subject", "text",
                null, List.of(), Map.of("k", "v"));
        return interactions.save(new Interaction(draft, conversation.getId(), conversation.getCustomerId(),
                conversation.getInboxId(), Instant.now()));
    }
}
