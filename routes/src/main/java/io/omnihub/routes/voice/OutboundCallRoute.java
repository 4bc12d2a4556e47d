package io.omnihub.routes.voice;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnihub.routes.bus.BusProperties;
import io.omnihub.routes.outbound.DeliveryRetries;
import io.omnihub.routes.outbound.OutboundQueueRoute;
import org.springframework.stereotype.Component;

/** Places each call an agent asked for through Twilio ({@code hub.outbound.voice}, route {@code voice-send}). */
@Component
class OutboundCallRoute extends OutboundQueueRoute {

    private final OutboundCallPlacer placer;

    OutboundCallRoute(BusProperties bus, ObjectMapper json, DeliveryRetries retries, OutboundCallPlacer placer) {
        super(bus, json, retries, "voice");
        this.placer = placer;
    }

    @Override
    protected void send(long interactionId) {
        placer.place(interactionId);
    }
}
