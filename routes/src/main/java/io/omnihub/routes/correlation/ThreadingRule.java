package io.omnihub.routes.correlation;

import io.omnihub.connectors.bus.InboundInteraction;
import io.omnihub.store.conversation.Conversation;
import io.omnihub.store.customer.Customer;
import io.omnihub.store.inbox.Inbox;

/** One channel's rule for which conversation an interaction continues. */
public interface ThreadingRule {

    /** The channel this rule decides for. */
    String channel();

    ThreadDecision decide(InboundInteraction interaction, Inbox inbox, Customer customer);

    /** Remembers what later interactions of the thread will refer to (e.g. Message-IDs). */
    default void remember(InboundInteraction interaction, Conversation conversation) {
    }
}
