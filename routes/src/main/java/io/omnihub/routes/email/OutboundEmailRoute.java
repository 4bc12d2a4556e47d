package io.omnihub.routes.email;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnihub.routes.bus.BusProperties;
import io.omnihub.routes.outbound.DeliveryRetries;
import io.omnihub.routes.outbound.OutboundQueueRoute;
import org.springframework.stereotype.Component;

/** Sends each queued email reply ({@code hub.outbound.email}, route {@code email-send}). */
@Component
class OutboundEmailRoute extends OutboundQueueRoute {

    private final OutboundEmailSender sender;

    OutboundEmailRoute(BusProperties bus, ObjectMapper json, DeliveryRetries retries, OutboundEmailSender sender) {
        super(bus, json, retries, "email");
        this.sender = sender;
    }

    @Override
    protected void send(long interactionId) throws Exception {
        sender.send(interactionId);
    }
}
