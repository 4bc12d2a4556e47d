package io.omnihub.routes.chat;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.omnihub.routes.bus.BusProperties;
import io.omnihub.routes.outbound.DeliveryRetries;
import io.omnihub.routes.outbound.OutboundQueueRoute;

/** Sends each queued chat reply to the visitor's widget ({@code hub.outbound.chat}, route {@code chat-send}). */
@Component
class OutboundChatRoute extends OutboundQueueRoute {

    private final ChatLineSender sender;

    OutboundChatRoute(BusProperties bus, ObjectMapper json, DeliveryRetries retries, ChatLineSender sender) {
        super(bus, json, retries, "chat");
        this.sender = sender;
    }

    @Override
    protected void send(long interactionId) {
        sender.send(interactionId);
    }
}
