package io.omnihub.store.breach;

import io.omnihub.routes.bus.BusProperties;

/** What ArchitectureTest must refuse (test sources only): the store reaching up into the routes. */
class StoreThatCallsARoute {

    String inbound(BusProperties bus) {
        return bus.inbound();
    }
}
