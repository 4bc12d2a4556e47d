package io.omnihub.routes.sms;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnihub.routes.bus.BusProperties;
import io.omnihub.routes.outbound.DeliveryRetries;
import io.omnihub.routes.outbound.OutboundQueueRoute;
import org.springframework.stereotype.Component;

/** Sends each queued SMS reply through Twilio ({@code hub.outbound.sms}, route {@code sms-send}). */
@Component
class OutboundSmsRoute extends OutboundQueueRoute {

    private final OutboundSmsSender sender;

    OutboundSmsRoute(BusProperties bus, ObjectMapper json, DeliveryRetries retries, OutboundSmsSender sender) {
        super(bus, json, retries, "sms");
        this.sender = sender;
    }

    @Override
    protected void send(long interactionId) {
        sender.send(interactionId);
    }
}
