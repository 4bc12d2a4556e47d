package io.omnihub.routes.status;

import io.omnihub.connectors.bus.StatusUpdate;
import io.omnihub.routes.errors.BusConsumerRouteBuilder;
import io.omnihub.routes.bus.BusJson;
import io.omnihub.routes.bus.BusProperties;
import io.omnihub.routes.bus.HubHeaders;
import org.springframework.stereotype.Component;

/**
 * Takes each status report off {@code hub.status} in a JMS transaction and applies it; the message
 * is acknowledged only after the database transaction has committed, under the hub's one failure
 * policy (a report that overtook what it is about is delivered again; one that can never be applied
 * is held).
 */
@Component
class StatusUpdateRoute extends BusConsumerRouteBuilder {

    private final BusProperties bus;
    private final BusJson json;
    private final StatusUpdates updates;

    StatusUpdateRoute(BusProperties bus, BusJson json, StatusUpdates updates) {
        this.bus = bus;
        this.json = json;
        this.updates = updates;
    }

    @Override
    public void configure() {
        fromBusQueue("status-apply", bus.status(), bus.deadLetterOf(bus.status()), bus.consumers())
                .unmarshal(json.of(StatusUpdate.class))
                .bean(updates, "apply(${body}, ${header." + HubHeaders.HELD_ITEM_ID + "})");
    }
}
