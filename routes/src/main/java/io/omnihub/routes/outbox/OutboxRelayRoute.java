package io.omnihub.routes.outbox;

import io.omnihub.routes.errors.HubErrorPolicy;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.springframework.stereotype.Component;

/** Relays committed outbox events to {@code hub.events} continuously, and purges old ones daily. */
@Component
class OutboxRelayRoute extends EndpointRouteBuilder {

    private final OutboxRelay relay;
    private final OutboxProperties properties;

    OutboxRelayRoute(OutboxRelay relay, OutboxProperties properties) {
        this.relay = relay;
        this.properties = properties;
    }

    @Override
    public void configure() {
        from(timer("outbox-relay").period(properties.pollInterval().toMillis()).fixedRate(false))
                .routeId("outbox-relay")
                .routeConfigurationId(HubErrorPolicy.SCHEDULED)
                .bean(relay, "relayPending");

        from(timer("outbox-purge").period(java.time.Duration.ofHours(24).toMillis()).delay(60_000))
                .routeId("outbox-purge")
                .routeConfigurationId(HubErrorPolicy.SCHEDULED)
                .bean(relay, "purgePublished")
                .log("purged ${body} published outbox events past retention");
    }
}
