package io.omnihub.routes.outbound;

import io.omnihub.routes.bus.BusProperties;
import io.omnihub.store.interaction.Interaction;
import io.omnihub.store.interaction.InteractionRepository;
import jakarta.jms.ConnectionFactory;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/**
 * A reply is committed to the database first and put on its outbound queue right after; should
 * the hub die between the two, the reply would wait forever. This route puts every reply still
 * QUEUED after {@code omnihub.bus.resend-queued-after} on its queue again, under the same Artemis
 * duplicate id: a message that did reach the bus is dropped as a duplicate, and a sender never
 * sends a reply that is no longer QUEUED, so nothing is sent twice.
 */
@Component
class QueuedReplySweepRoute extends RouteBuilder {

    private static final Logger log = LoggerFactory.getLogger(QueuedReplySweepRoute.class);

    private final InteractionRepository interactions;
    private final BusProperties bus;
    private final JmsTemplate jms;
    private final Duration after;
    private final Clock clock;

    QueuedReplySweepRoute(InteractionRepository interactions, BusProperties bus, ConnectionFactory connectionFactory,
            @Value("${omnihub.bus.resend-queued-after:2m}") Duration after, Clock clock) {
        this.interactions = interactions;
        this.bus = bus;
        this.jms = new JmsTemplate(connectionFactory);
        this.after = after;
        this.clock = clock;
    }

    @Override
    public void configure() {
        from("timer:queued-reply-sweep?delay=" + after.toMillis() + "&period=" + after.toMillis())
                .routeId("queued-reply-sweep")
                .process(exchange -> sweep());
    }

    void sweep() {
        for (Interaction reply : interactions.queuedBefore(clock.instant().minus(after), 200)) {
            long id = reply.getId();
            jms.send(bus.outbound(reply.getChannel()), session -> {
                var message = session.createTextMessage(
                        "{\"schema\":\"omnihub.outbound.v1\",\"interactionId\":" + id + "}");
                message.setStringProperty("_AMQ_DUPL_ID", "reply:" + id);
                return message;
            });
            log.info("reply {} still QUEUED after {}: put on {} again", id, after, bus.outbound(reply.getChannel()));
        }
    }
}
