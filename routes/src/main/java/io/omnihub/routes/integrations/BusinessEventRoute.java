package io.omnihub.routes.integrations;

import io.omnihub.connectors.integrations.BusinessEvent;
import io.omnihub.routes.bus.BusJson;
import io.omnihub.routes.bus.BusProperties;
import io.omnihub.routes.bus.HubHeaders;
import io.omnihub.routes.errors.BusConsumerRouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Takes each business event off {@code hub.inbound-business} in a JMS transaction and records it on
 * its customer's timeline (or in the unmatched list); acknowledged after the database commit, under
 * the hub's one failure policy.
 */
@Component
class BusinessEventRoute extends BusConsumerRouteBuilder {

    private final BusProperties bus;
    private final BusJson json;
    private final BusinessEventRecorder recorder;

    BusinessEventRoute(BusProperties bus, BusJson json, BusinessEventRecorder recorder) {
        this.bus = bus;
        this.json = json;
        this.recorder = recorder;
    }

    @Override
    public void configure() {
        fromBusQueue("business-event-record", bus.inboundBusiness(), bus.deadLetterOf(bus.inboundBusiness()),
                bus.consumers())
                .unmarshal(json.of(BusinessEvent.class))
                .bean(recorder, "record(${body}, ${header." + HubHeaders.HELD_ITEM_ID + "})");
    }
}
