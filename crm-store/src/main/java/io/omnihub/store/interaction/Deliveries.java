package io.omnihub.store.interaction;

import io.omnihub.store.events.DeliveryStatusChanged;
import io.omnihub.store.outbox.OutboxWriter;
import java.time.Clock;
import java.time.Instant;
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
    private final Clock clock;

    Deliveries(InteractionRepository interactions, OutboxWriter outbox, TransactionTemplate transaction, Clock clock) {
        this.interactions = interactions;
        this.outbox = outbox;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * A send that failed for now: the message stays QUEUED and is tried again with backoff (the
     * reason and the next attempt on it for agents to see), until {@code give-up-after} since it was
     * queued; then it is FAILED with the last reason.
     *
     * @return when it is tried again, or null when it was given up (or is no longer QUEUED)
     */
    public Instant deferred(long interactionId, String reason, DeliveryRetryPolicy retry) {
        return transaction.execute(tx -> {
            Interaction sent = interactions.findForUpdate(interactionId).orElseThrow();
            if (sent.delivery() != DeliveryStatus.QUEUED) {
                return null;
            }
            Instant now = clock.instant();
            int attempts = sent.getDeliveryAttempts() + 1;
            Instant queuedAt = sent.getMetadata().get(QUEUED_AT) instanceof String at ? Instant.parse(at)
                    : sent.getRecordedAt();
            if (!now.isBefore(queuedAt.plus(retry.giveUpAfter()))) {
                record(sent, DeliveryStatus.FAILED, "gave up after " + attempts + " attempts over " + retry.giveUpAfter()
                        .toString().substring(2).toLowerCase(java.util.Locale.ROOT) + ": " + reason);
                return null;
            }
            Instant next = retry.nextAttempt(now, attempts);
            boolean first = sent.getDeliveryAttempts() == 0;
            sent.deliveryDeferred("attempt " + attempts + " failed, trying again at " + next + ": " + reason, next);
            if (first) {
                outbox.append(new DeliveryStatusChanged(sent.getId(), sent.getConversationId(), sent.getCustomerId(),
                        sent.getChannel(), DeliveryStatus.QUEUED.name(), sent.getDeliveryError()));
            }
            return next;
        });
    }

    /**
     * An agent sends a FAILED message again: QUEUED afresh (attempts from zero, a new retry window from
     * now), with who asked, in the caller's transaction.
     */
    public void requeued(Interaction sent, String by, Instant now) {
        sent.deliveryRequeued();
        sent.addMetadata(QUEUED_AT, now.toString());
        sent.addMetadata("resentBy", by);
        outbox.append(new DeliveryStatusChanged(sent.getId(), sent.getConversationId(), sent.getCustomerId(),
                sent.getChannel(), DeliveryStatus.QUEUED.name(), null));
    }

    /** Metadata key: when an agent queued the message again (its retry window starts then). */
    public static final String QUEUED_AT = "queuedAt";

    /** Reports in a transaction of its own (a sender, outside any). */
    public void report(long interactionId, DeliveryStatus status, String error, Map<String, Object> facts) {
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
    public boolean record(Interaction sent, DeliveryStatus status, String error) {
        if (!status.follows(sent.delivery())) {
            return false;
        }
        sent.deliveryReported(status, error);
        outbox.append(new DeliveryStatusChanged(sent.getId(), sent.getConversationId(), sent.getCustomerId(),
                sent.getChannel(), status.name(), error));
        return true;
    }
}
