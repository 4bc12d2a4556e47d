package io.omnihub.routes.email;

import io.omnihub.routes.correlation.InteractionStored;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A customer's mail that opens a conversation gets the mailbox's acknowledgement ({@link AutoReplies}). */
@Component
class NewRequestsAreAcknowledged {

    private final AutoReplies autoReplies;

    NewRequestsAreAcknowledged(AutoReplies autoReplies) {
        this.autoReplies = autoReplies;
    }

    @EventListener
    @Order(InteractionStored.ACKNOWLEDGEMENT)
    void on(InteractionStored stored) {
        if (stored.opensCustomerConversation()) {
            autoReplies.acknowledge(stored.received(), stored.conversation());
        }
    }
}
