package io.omnihub.routes.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnihub.routes.outbound.SendPacing;
import io.omnihub.store.integration.IntegrationDeliveryQueue;
import io.omnihub.store.integration.IntegrationDeliveryQueue.Delivery;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Delivers a target's due events: each one through its kind's {@link TargetSender} (webhook, files, sap), at the
 * target's rate, then
 * recorded as delivered, due again after a growing wait, or parked — refused for good, or failing
 * for longer than the target's {@code give-up-after}. Each target has its own route and thread, so
 * a slow or unreachable target holds back only its own events.
 */
@Component
public class IntegrationDispatcher {

    private static final Logger log = LoggerFactory.getLogger(IntegrationDispatcher.class);
    private static final int BATCH = 50;

    private final IntegrationsProperties settings;
    private final IntegrationDeliveryQueue queue;
    private final ObjectMapper json;
    private final Map<IntegrationTarget.Kind, TargetSender> senders = new EnumMap<>(IntegrationTarget.Kind.class);
    private final SendPacing pacing = new SendPacing();
    private final IntegrationTargetStatus status;
    private final Clock clock;

    IntegrationDispatcher(IntegrationsProperties settings, IntegrationDeliveryQueue queue, ObjectMapper json,
            List<TargetSender> senders, IntegrationTargetStatus status, Clock clock) {
        this.settings = settings;
        this.queue = queue;
        this.json = json;
        this.status = status;
        this.clock = clock;
        senders.forEach(sender -> sender.kinds().forEach(kind -> {
            if (this.senders.put(kind, sender) != null) {
                throw new IllegalStateException("two senders deliver to " + kind + " targets");
            }
        }));
        settings.integrations().forEach((name, target) -> {
            if (!this.senders.containsKey(target.kind())) {
                throw new IllegalStateException("omnihub.integrations." + name + ".kind " + target.kind()
                        + ": no sender delivers to this kind of target");
            }
        });
        settings.integrations().keySet().forEach(status::configured);
    }

    /** Delivers what is due for one target, batch after batch; returns how many were attempted. */
    public int dispatch(String name) throws InterruptedException {
        IntegrationTarget target = settings.integrations().get(name);
        Duration lease = target.timeout().multipliedBy(2).plusSeconds(30);
        int attempted = 0;
        List<Delivery> due;
        do {
            due = queue.claimDue(name, clock.instant(), lease, BATCH);
            for (Delivery delivery : due) {
                if (target.rateLimit() != null) {
                    pacing.await(name, target.rateLimit());
                }
                settle(name, target, delivery, send(name, target, delivery));
                attempted++;
            }
        } while (due.size() == BATCH);
        return attempted;
    }

    private DeliveryResult send(String name, IntegrationTarget target, Delivery delivery) throws InterruptedException {
        JsonNode envelope;
        try {
            envelope = json.readTree(delivery.envelope());
        } catch (IOException e) {
            return DeliveryResult.park(null, "the stored event is not JSON: " + e.getMessage());
        }
        try {
            return senders.get(target.kind()).send(name, target, delivery, envelope);
        } catch (RuntimeException e) {
            return DeliveryResult.park(null, "cannot build the request: " + e.getMessage());
        }
    }

    private void settle(String name, IntegrationTarget target, Delivery delivery, DeliveryResult result) {
        Instant now = clock.instant();
        status.settled(name, result);
        switch (result.outcome()) {
            case DELIVERED -> {
                queue.delivered(delivery.id(), result.status() == null ? 0 : result.status(), now);
                log.debug("{} {} delivered to {}", delivery.eventType(), delivery.eventId(), name);
            }
            case PARK -> {
                queue.park(delivery.id(), result.status(), result.error());
                log.warn("{} {} parked for {}: {}", delivery.eventType(), delivery.eventId(), name, result.error());
            }
            case RETRY -> {
                if (delivery.createdAt().plus(target.retry().giveUpAfter()).isBefore(now)) {
                    queue.park(delivery.id(), result.status(), "still failing after " + target.retry().giveUpAfter()
                            + " (" + delivery.attempts() + " attempts), last: " + result.error());
                    log.warn("{} {} parked for {} after retrying for {}", delivery.eventType(), delivery.eventId(),
                            name, target.retry().giveUpAfter());
                } else {
                    Duration wait = target.retry().after(delivery.attempts());
                    queue.retryAt(delivery.id(), now.plus(wait), result.status(), result.error());
                    // the first failure is worth a line; the retries of a target that stays down are not
                    if (delivery.attempts() == 1) {
                        log.info("{} {} not delivered to {} ({}); trying again in {}", delivery.eventType(),
                                delivery.eventId(), name, result.error(), wait);
                    } else {
                        log.debug("{} {} still not delivered to {} after {} attempts ({})", delivery.eventType(),
                                delivery.eventId(), name, delivery.attempts(), result.error());
                    }
                }
            }
        }
    }
}
