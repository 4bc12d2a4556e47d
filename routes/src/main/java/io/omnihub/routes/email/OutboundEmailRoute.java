package io.omnihub.routes.email;

import io.omnihub.routes.bus.BusProperties;
import io.omnihub.routes.bus.HubHeaders;
import io.omnihub.routes.errors.HubErrorPolicy;
import io.omnihub.routes.errors.PermanentFailure;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Takes each queued reply off {@code hub.outbound.email} and sends it; the bus message is
 * acknowledged once the reply is sent or has failed for good, and redelivered with backoff after
 * a transient failure.
 */
@Component
class OutboundEmailRoute extends EndpointRouteBuilder {

    private final BusProperties bus;
    private final OutboundEmailSender sender;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    OutboundEmailRoute(BusProperties bus, OutboundEmailSender sender, com.fasterxml.jackson.databind.ObjectMapper json) {
        this.bus = bus;
        this.sender = sender;
        this.json = json;
    }

    @Override
    public void configure() {
        String queue = bus.outbound("email");
        from(jms("queue:" + queue)
                .transacted(true)
                .cacheLevelName("CACHE_CONSUMER")
                .concurrentConsumers(2)
                .advanced().lazyCreateTransactionManager(false))
                .routeId("email-send")
                .routeConfigurationId(HubErrorPolicy.BUS_CONSUMER)
                .setProperty(HubHeaders.DEAD_LETTER_QUEUE, constant(bus.deadLetterOf(queue)))
                .process(exchange -> sender.send(interactionId(exchange.getMessage().getBody(String.class)),
                        exchange.getMessage().getHeader("JMSXDeliveryCount", 1, Integer.class),
                        bus.maxDeliveryAttempts()));
    }

    private long interactionId(String body) throws com.fasterxml.jackson.core.JsonProcessingException {
        var id = json.readTree(body).path("interactionId");
        if (!id.canConvertToLong()) {
            throw new PermanentFailure("an outbound message without an interactionId: " + body);
        }
        return id.asLong();
    }
}
