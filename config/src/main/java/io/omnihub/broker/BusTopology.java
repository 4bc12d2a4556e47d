package io.omnihub.broker;

import io.omnihub.routes.bus.BusProperties;
import java.util.List;

/**
 * The queues the hub uses and the dead-letter queue each gets, derived from {@code omnihub.bus.*}
 * so the broker, embedded or external, is configured from one place.
 */
record BusTopology(BusProperties bus) {

    static final List<String> OUTBOUND_CHANNELS = List.of("email", "sms", "voice", "chat");

    /** Queues consumed with redelivery and a dead-letter queue of their own. */
    List<String> queues() {
        List<String> queues = new java.util.ArrayList<>();
        queues.add(bus.inbound());
        OUTBOUND_CHANNELS.forEach(channel -> queues.add(bus.outbound(channel)));
        return List.copyOf(queues);
    }

    String deadLetterOf(String queue) {
        return bus.deadLetterOf(queue);
    }
}
