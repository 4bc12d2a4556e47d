package io.omnihub.routes.outbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnihub.routes.bus.BusProperties;
import io.omnihub.routes.bus.HubHeaders;
import io.omnihub.routes.errors.HubErrorPolicy;
import io.omnihub.routes.errors.PermanentFailure;
import java.util.Map;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes each queued reply off {@code hub.outbound.<channel>} and hands it to the channel's sender.
 * The sender reports success and permanent refusals itself; a transient failure it throws is
 * rolled back for the broker to redeliver with backoff, and on the last delivery the reply is
 * marked FAILED with the reason instead, so no reply stays QUEUED silently.
 */
public abstract class OutboundQueueRoute extends EndpointRouteBuilder {

    private static final Logger log = LoggerFactory.getLogger(OutboundQueueRoute.class);

    private final BusProperties bus;
    private final ObjectMapper json;
    private final Deliveries deliveries;
    private final String channel;

    protected OutboundQueueRoute(BusProperties bus, ObjectMapper json, Deliveries deliveries, String channel) {
        this.bus = bus;
        this.json = json;
        this.deliveries = deliveries;
        this.channel = channel;
    }

    /** Sends the reply; throws on a failure worth retrying. */
    protected abstract void send(long interactionId) throws Exception;

    @Override
    public void configure() {
        String queue = bus.outbound(channel);
        from(jms("queue:" + queue)
                .transacted(true)
                .cacheLevelName("CACHE_CONSUMER")
                .concurrentConsumers(2)
                .advanced().lazyCreateTransactionManager(false))
                .routeId(channel + "-send")
                .routeConfigurationId(HubErrorPolicy.BUS_CONSUMER)
                .setProperty(HubHeaders.DEAD_LETTER_QUEUE, constant(bus.deadLetterOf(queue)))
                .process(exchange -> {
                    long id = interactionId(exchange.getMessage().getBody(String.class));
                    int delivery = exchange.getMessage().getHeader("JMSXDeliveryCount", 1, Integer.class);
                    try {
                        send(id);
                    } catch (Exception transientFailure) {
                        if (delivery < bus.maxDeliveryAttempts()) {
                            log.info("{} reply {} not sent yet (attempt {} of {}), retrying: {}", channel, id,
                                    delivery, bus.maxDeliveryAttempts(), transientFailure.getMessage());
                            throw transientFailure;
                        }
                        String reason = "gave up after " + delivery + " attempts: " + transientFailure.getMessage();
                        log.warn("{} reply {} not sent: {}", channel, id, reason);
                        deliveries.report(id, "FAILED", reason, Map.of());
                    }
                });
    }

    private long interactionId(String body) throws com.fasterxml.jackson.core.JsonProcessingException {
        var id = json.readTree(body).path("interactionId");
        if (!id.canConvertToLong()) {
            throw new PermanentFailure("an outbound message without an interactionId: " + body);
        }
        return id.asLong();
    }
}
