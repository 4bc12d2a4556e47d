package io.omnihub.routes.outbound;

import io.omnihub.routes.errors.HubErrorPolicy;
import io.omnihub.routes.bus.BusProperties;
import io.omnihub.store.interaction.Deliveries;
import io.omnihub.store.interaction.Interaction;
import io.omnihub.store.interaction.InteractionRepository;
import jakarta.jms.ConnectionFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts QUEUED replies on their outbound queue when they are due:
 * <ul>
 *   <li>a reply is committed to the database first and put on its queue right after; should the hub
 *       die between the two, it would wait forever. A reply never tried and still QUEUED after
 *       {@code omnihub.bus.resend-queued-after} goes on its queue again under the same Artemis
 *       duplicate id: a message that did reach the bus is dropped as a duplicate;</li>
 *   <li>a reply a server could not take is due again at its next attempt; it goes on its queue
 *       under a duplicate id of that attempt, and is not due again until it is sent, fails again,
 *       or {@link #CLAIM} has passed (the node sending it died).</li>
 * </ul>
 * A sender never sends a reply that is no longer QUEUED, so nothing is sent twice.
 */
@Component
class QueuedReplySweepRoute extends EndpointRouteBuilder {

    private static final Logger log = LoggerFactory.getLogger(QueuedReplySweepRoute.class);

    /** How long a reply put on its queue by the sweep is not put there again. */
    static final Duration CLAIM = Duration.ofMinutes(10);

    private final InteractionRepository interactions;
    private final BusProperties bus;
    private final JmsTemplate jms;
    private final Duration after;
    private final OutboundRetryProperties retry;
    private final TransactionTemplate transaction;
    private final Clock clock;

    QueuedReplySweepRoute(InteractionRepository interactions, BusProperties bus, ConnectionFactory connectionFactory,
            @Value("${omnihub.bus.resend-queued-after:2m}") Duration after, OutboundRetryProperties retry,
            PlatformTransactionManager transactions, Clock clock) {
        this.interactions = interactions;
        this.bus = bus;
        this.jms = new JmsTemplate(connectionFactory);
        this.jms.setSessionTransacted(true);
        this.after = after;
        this.retry = retry;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public void configure() {
        Duration every = retry.sweepInterval().compareTo(after) < 0 ? retry.sweepInterval() : after;
        from(timer("queued-reply-sweep").delay(every.toMillis()).period(every.toMillis()))
                .routeId("queued-reply-sweep")
                .routeConfigurationId(HubErrorPolicy.SCHEDULED)
                .bean(this, "sweep");
    }

    /** One sweep: the due replies go on their queues; the bus sends commit after the database has. */
    public void sweep() {
        transaction.executeWithoutResult(tx -> {
            Instant now = clock.instant();
            for (Interaction reply : interactions.queuedDue(now.minus(after), now, 200)) {
                long id = reply.getId();
                boolean retrying = reply.getDeliveryAttempts() > 0;
                String duplicateId = retrying ? "reply:" + id + ":attempt-" + (reply.getDeliveryAttempts() + 1)
                        : reply.getMetadata().get(Deliveries.QUEUED_AT) instanceof String queuedAt
                                ? "reply:" + id + ":" + queuedAt : "reply:" + id;
                jms.send(bus.outbound(reply.getChannel()), session -> {
                    var message = session.createTextMessage(
                            "{\"schema\":\"omnihub.outbound.v1\",\"interactionId\":" + id + "}");
                    message.setStringProperty("_AMQ_DUPL_ID", duplicateId);
                    return message;
                });
                reply.deliveryClaimedUntil(now.plus(CLAIM));
                if (retrying) {
                    log.info("reply {}: attempt {} due, put on {}", id, reply.getDeliveryAttempts() + 1,
                            bus.outbound(reply.getChannel()));
                } else {
                    log.info("reply {} still QUEUED after {}: put on {} again", id, after,
                            bus.outbound(reply.getChannel()));
                }
            }
        });
    }
}
