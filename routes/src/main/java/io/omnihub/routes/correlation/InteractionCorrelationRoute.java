package io.omnihub.routes.correlation;

import io.omnihub.connectors.bus.InboundInteraction;
import io.omnihub.routes.errors.BusConsumerRouteBuilder;
import io.omnihub.routes.bus.BusJson;
import io.omnihub.routes.bus.BusProperties;
import io.omnihub.routes.bus.HubHeaders;
import org.springframework.stereotype.Component;

/**
 * Takes each interaction off {@code hub.inbound} in a JMS transaction and records it; the message
 * is acknowledged only after the database transaction has committed. A failure rolls the message
 * back for the broker to redeliver with backoff; a message that can never be recorded is parked.
 */
@Component
class InteractionCorrelationRoute extends BusConsumerRouteBuilder {

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
        fromBusQueue("interaction-correlate", bus.inbound(), bus.deadLetterOf(bus.inbound()), bus.consumers())
                .unmarshal(json.of(InboundInteraction.class))
                .bean(recorder, "record(${body}, ${header." + HubHeaders.HELD_ITEM_ID + "}, ${header."
                        + HubHeaders.ATTACH_TO_CUSTOMER + "})");
    }
}
