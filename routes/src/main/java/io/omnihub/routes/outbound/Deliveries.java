package io.omnihub.routes.outbound;

import io.omnihub.store.events.DeliveryStatusChanged;
import io.omnihub.store.interaction.Interaction;
import io.omnihub.store.interaction.InteractionRepository;
import io.omnihub.store.outbox.OutboxWriter;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What became of a message we sent, whichever channel sent it: the interaction's delivery status
 * and reason, facts the provider gave (its message id), and a {@code DeliveryStatusChanged} event
 * for the live console, all in one transaction.
 */
@Component
public class Deliveries {

    private final InteractionRepository interactions;
    private final OutboxWriter outbox;
    private final TransactionTemplate transaction;

    Deliveries(InteractionRepository interactions, OutboxWriter outbox, TransactionTemplate transaction) {
        this.interactions = interactions;
        this.outbox = outbox;
        this.transaction = transaction;
    }

    /** Reports in a transaction of its own (a sender, outside any). */
    public void report(long interactionId, String status, String error, Map<String, Object> facts) {
        transaction.executeWithoutResult(tx -> {
            Interaction sent = interactions.findForUpdate(interactionId).orElseThrow();
            facts.forEach(sent::addMetadata);
            record(sent, status, error);
        });
    }

    /**
     * Reports inside the caller's transaction; returns whether the status changed. A status never
     * moves back (QUEUED → SENT → DELIVERED or FAILED): a late "sent" after "delivered" changes nothing.
     */
    public boolean record(Interaction sent, String status, String error) {
        if (status.equals(sent.getDeliveryStatus())
                || RANK.getOrDefault(status, 0) < RANK.getOrDefault(sent.getDeliveryStatus(), 0)) {
            return false;
        }
        sent.deliveryReported(status, error);
        outbox.append(new DeliveryStatusChanged(sent.getId(), sent.getConversationId(), sent.getCustomerId(),
                sent.getChannel(), status, error));
        return true;
    }

    private static final Map<String, Integer> RANK = Map.of("QUEUED", 0, "SENT", 1, "DELIVERED", 2, "FAILED", 2);
}
