package io.omnihub.routes.ingress;

import io.omnihub.connectors.bus.BusUnavailableException;
import io.omnihub.connectors.bus.InboundInteraction;
import io.omnihub.connectors.bus.InboundPublisher;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/** Connectors hand interactions to the ingress route through this; it returns once they are durable. */
@Component
class CamelInboundPublisher implements InboundPublisher {

    private final ProducerTemplate producer;

    CamelInboundPublisher(ProducerTemplate producer) {
        this.producer = producer;
    }

    @Override
    public void publish(InboundInteraction interaction) {
        try {
            producer.sendBody(InteractionIngressRoute.ENDPOINT, interaction);
        } catch (CamelExecutionException e) {
            throw new BusUnavailableException("hub.inbound did not take interaction " + interaction.duplicateId(),
                    e.getCause() == null ? e : e.getCause());
        }
    }
}
