package io.omnihub.routes.correlation;

import io.omnihub.connectors.bus.InboundInteraction;
import io.omnihub.routes.bus.BusJson;
import io.omnihub.routes.bus.BusProperties;
import io.omnihub.routes.bus.HubHeaders;
import io.omnihub.routes.errors.HubErrorPolicy;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Takes each interaction off {@code hub.inbound} in a JMS transaction and records it; the message
 * is acknowledged only after the database transaction has committed. A failure rolls the message
 * back for the broker to redeliver with backoff; a message that can never be recorded is parked.
 */
@Component
class InteractionCorrelationRoute extends EndpointRouteBuilder {

    private final BusProperties bus;
    private final BusJson json;
    private final InteractionRecorder recorder;

    InteractionCorrelationRoute(BusProperties bus, BusJson json, InteractionRecorder recorder) {
        this.bus = bus;
        this.json = json;
        this.recorder = recorder;
    }

    @Override
    public void configure() {
        from(jms("queue:" + bus.inbound())
                .transacted(true)
                .cacheLevelName("CACHE_CONSUMER")
                .concurrentConsumers(bus.consumers())
                .maxConcurrentConsumers(bus.consumers())
                // a local JMS transaction committed after the route: no transaction manager between
                // the bus and the database, the database commits first, then the bus message is acked
                .advanced().lazyCreateTransactionManager(false))
                .routeId("interaction-correlate")
                .routeConfigurationId(HubErrorPolicy.BUS_CONSUMER)
                .setProperty(HubHeaders.DEAD_LETTER_QUEUE, constant(bus.deadLetterOf(bus.inbound())))
                .unmarshal(json.of(InboundInteraction.class))
                .bean(recorder, "record(${body}, ${header." + HubHeaders.HELD_ITEM_ID + "}, ${header."
                        + HubHeaders.ATTACH_TO_CUSTOMER + "})");
    }
}
