package io.omnihub.routes.ingress;

import io.omnihub.connectors.bus.BusUnavailableException;
import io.omnihub.connectors.bus.InboundInteraction;
import io.omnihub.connectors.bus.InboundPublisher;
import io.omnihub.connectors.bus.StatusPublisher;
import io.omnihub.connectors.bus.StatusUpdate;
import io.omnihub.connectors.chat.TranscriptPublisher;
import io.omnihub.connectors.chat.TranscriptRequest;
import io.omnihub.connectors.integrations.BusinessEvent;
import io.omnihub.connectors.integrations.BusinessEventPublisher;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * Connectors hand interactions, status reports, business events and transcript requests to the ingress routes through this; it returns
 * once they are durable.
 */
@Component
class CamelBusPublisher implements InboundPublisher, StatusPublisher, BusinessEventPublisher, TranscriptPublisher {

    private final ProducerTemplate producer;

    CamelBusPublisher(ProducerTemplate producer) {
        this.producer = producer;
    }

    @Override
    public void publish(InboundInteraction interaction) {
        send(IngressRoutes.INTERACTIONS, interaction, "interaction " + interaction.duplicateId());
    }

    @Override
    public void publish(StatusUpdate update) {
        send(IngressRoutes.STATUSES, update, "status report " + update.duplicateId());
    }

    @Override
    public void publish(BusinessEvent event) {
        send(IngressRoutes.BUSINESS_EVENTS, event, "business event " + event.duplicateId());
    }

    @Override
    public void publish(TranscriptRequest request) {
        send(IngressRoutes.TRANSCRIPTS, request, "transcript request " + request.duplicateId());
    }

    private void send(String endpoint, Object body, String what) {
        try {
            producer.sendBody(endpoint, body);
        } catch (CamelExecutionException e) {
            throw new BusUnavailableException("the bus did not take " + what, e.getCause() == null ? e : e.getCause());
        }
    }
}
