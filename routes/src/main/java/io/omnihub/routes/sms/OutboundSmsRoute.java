package io.omnihub.routes.sms;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnihub.routes.bus.BusProperties;
import io.omnihub.routes.bus.HubHeaders;
import io.omnihub.routes.errors.HubErrorPolicy;
import io.omnihub.routes.errors.PermanentFailure;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.springframework.stereotype.Component;

/** Takes each queued SMS reply off {@code hub.outbound.sms} and sends it through Twilio. */
@Component
class OutboundSmsRoute extends EndpointRouteBuilder {

    private final BusProperties bus;
    private final OutboundSmsSender sender;
    private final ObjectMapper json;

    OutboundSmsRoute(BusProperties bus, OutboundSmsSender sender, ObjectMapper json) {
        this.bus = bus;
        this.sender = sender;
        this.json = json;
    }

    @Override
    public void configure() {
        String queue = bus.outbound("sms");
        from(jms("queue:" + queue)
                .transacted(true)
                .cacheLevelName("CACHE_CONSUMER")
                .concurrentConsumers(2)
                .advanced().lazyCreateTransactionManager(false))
                .routeId("sms-send")
                .routeConfigurationId(HubErrorPolicy.BUS_CONSUMER)
                .setProperty(HubHeaders.DEAD_LETTER_QUEUE, constant(bus.deadLetterOf(queue)))
                .process(exchange -> {
                    var id = json.readTree(exchange.getMessage().getBody(String.class)).path("interactionId");
                    if (!id.canConvertToLong()) {
                        throw new PermanentFailure("an outbound message without an interactionId");
                    }
                    sender.send(id.asLong(), exchange.getMessage().getHeader("JMSXDeliveryCount", 1, Integer.class),
                            bus.maxDeliveryAttempts());
                });
    }
}
