package io.omnihub.routes.ingress;

import io.omnihub.connectors.bus.InboundInteraction;
import io.omnihub.routes.bus.BusJson;
import io.omnihub.routes.bus.BusProperties;
import io.omnihub.routes.bus.HubHeaders;
import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Puts each inbound interaction from a connector on {@code hub.inbound} as persistent JSON, with
 * its duplicate id (channel, inbox, external id) and its message group (the sender's address).
 * The send returns once the broker holds the message durably.
 */
@Component
class InteractionIngressRoute extends EndpointRouteBuilder {

    static final String ENDPOINT = "direct:interaction-ingress";

    private final BusProperties bus;
    private final BusJson json;

    InteractionIngressRoute(BusProperties bus, BusJson json) {
        this.bus = bus;
        this.json = json;
    }

    @Override
    public void configure() {
        from(ENDPOINT).routeId("interaction-ingress")
                .setHeader(HubHeaders.DUPLICATE_ID, simple("${body.duplicateId}"))
                .setHeader(HubHeaders.GROUP_ID, simple("${body.groupId}"))
                .setHeader(HubHeaders.SCHEMA, constant(InboundInteraction.SCHEMA))
                .marshal(json.of(InboundInteraction.class))
                .convertBodyTo(String.class)
                .to(ExchangePattern.InOnly, jms("queue:" + bus.inbound()).deliveryPersistent(true));
    }
}
