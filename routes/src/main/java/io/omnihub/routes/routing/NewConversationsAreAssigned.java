package io.omnihub.routes.routing;

import io.omnihub.routes.correlation.InteractionStored;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A conversation that opens joins its inbox's team and is assigned by the inbox's routing. */
@Component
class NewConversationsAreAssigned {

    private final AutoAssignment assignment;

    NewConversationsAreAssigned(AutoAssignment assignment) {
        this.assignment = assignment;
    }

    @EventListener
    @Order(InteractionStored.ASSIGNMENT)
    void on(InteractionStored stored) {
        if (stored.opensConversation()) {
            assignment.assignNew(stored.conversation(), stored.inbox());
        }
    }
}
