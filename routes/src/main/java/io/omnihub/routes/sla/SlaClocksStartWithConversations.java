package io.omnihub.routes.sla;

import io.omnihub.routes.correlation.InteractionStored;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A conversation that opens gets the targets of the first SLA policy covering its inbox and priority. */
@Component
class SlaClocksStartWithConversations {

    private final SlaPolicies policies;

    SlaClocksStartWithConversations(SlaPolicies policies) {
        this.policies = policies;
    }

    @EventListener
    @Order(InteractionStored.SLA)
    void on(InteractionStored stored) {
        if (stored.opensConversation()) {
            policies.apply(stored.conversation(), stored.inbox().getKey());
        }
    }
}
