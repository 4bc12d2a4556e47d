package io.omnihub.routes.ingress;

import io.omnihub.connectors.bus.InboundInteraction;
import io.omnihub.connectors.bus.StatusUpdate;
import io.omnihub.connectors.chat.TranscriptRequest;
import io.omnihub.connectors.integrations.BusinessEvent;
import io.omnihub.routes.bus.BusJson;
import io.omnihub.routes.bus.BusProperties;
import io.omnihub.routes.bus.HubHeaders;
import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Puts what connectors take in on the bus as persistent JSON: each inbound interaction on
 * {@code hub.inbound}, each status report on {@code hub.status}, each business event on
 * {@code hub.inbound-business}, each chat transcript request on {@code hub.transcripts}, with its duplicate id and its message group (an interaction's
 * sender; what a report is about; the customer or request an event names). The send returns once the
 * broker holds the message durably.
 */
@Component
class IngressRoutes extends EndpointRouteBuilder {

    static final String INTERACTIONS = "direct:interaction-ingress";
    static final String STATUSES = "direct:status-ingress";
    static final String BUSINESS_EVENTS = "direct:business-event-ingress";
    static final String TRANSCRIPTS = "direct:transcript-ingress";

    /** Business events travel in the shape ERP and SCM systems post them (docs/integrations.md). */
    static final String BUSINESS_EVENT_SCHEMA = "omnihub.business-event.v1";

    private final BusProperties bus;
    private final BusJson json;

    IngressRoutes(BusProperties bus, BusJson json) {
        this.bus = bus;
        this.json = json;
    }

    @Override
    public void configure() {
        onto(INTERACTIONS, "interaction-ingress", InboundInteraction.class, InboundInteraction.SCHEMA, bus.inbound());
        onto(STATUSES, "status-ingress", StatusUpdate.class, StatusUpdate.SCHEMA, bus.status());
        onto(BUSINESS_EVENTS, "business-event-ingress", BusinessEvent.class, BUSINESS_EVENT_SCHEMA, bus.inboundBusiness());
        onto(TRANSCRIPTS, "transcript-ingress", TranscriptRequest.class, TranscriptRequest.SCHEMA, bus.transcripts());
    }

    private void onto(String endpoint, String routeId, Class<?> type, String schema, String queue) {
        from(endpoint).routeId(routeId)
                .setHeader(HubHeaders.DUPLICATE_ID, simple("${body.duplicateId}"))
                .setHeader(HubHeaders.GROUP_ID, simple("${body.groupId}"))
                .setHeader(HubHeaders.SCHEMA, constant(schema))
                .marshal(json.of(type))
                .convertBodyTo(String.class)
                .to(ExchangePattern.InOnly, jms("queue:" + queue).deliveryPersistent(true));
    }
}
