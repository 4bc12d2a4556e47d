package io.omnihub.broker;

import io.omnihub.routes.bus.BusProperties;
import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * The queues the hub uses, the dead-letter queue each gets and the redelivery policy on them,
 * derived from {@code omnihub.bus.*}: the embedded broker and an external one are configured from
 * this one place.
 */
record BusTopology(BusProperties bus) {

    static final List<String> OUTBOUND_CHANNELS = List.of("email", "sms", "voice", "chat");
    /** The durable subscription of the integration routes to {@code hub.events}. */
    static final String INTEGRATIONS = "hub.integrations";

    /** Queues consumed with redelivery and a dead-letter queue of their own. */
    List<String> queues() {
        List<String> queues = new ArrayList<>();
        queues.add(bus.inbound());
        OUTBOUND_CHANNELS.forEach(channel -> queues.add(bus.outbound(channel)));
        return List.copyOf(queues);
    }

    /** The events topic, with the integrations' durable subscription queue on it. */
    String events() {
        return bus.events();
    }

    static QueueConfiguration integrationsSubscription(String events) {
        return QueueConfiguration.of(INTEGRATIONS).setAddress(events).setRoutingType(RoutingType.MULTICAST)
                .setDurable(true).setAutoCreateAddress(true);
    }

    String deadLetterOf(String queue) {
        return bus.deadLetterOf(queue);
    }

    /** A durable anycast queue on an address of the same name. */
    static QueueConfiguration durableQueue(String name) {
        return QueueConfiguration.of(name).setAddress(name).setRoutingType(RoutingType.ANYCAST).setDurable(true);
    }

    /** Bounded deliveries with exponential backoff, then the queue's dead-letter queue. */
    AddressSettings redeliveryPolicy(String queue) {
        return new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(deadLetterOf(queue)))
                .setMaxDeliveryAttempts(bus.maxDeliveryAttempts())
                .setRedeliveryDelay(bus.redeliveryDelay().toMillis())
                .setRedeliveryMultiplier(bus.redeliveryMultiplier())
                .setMaxRedeliveryDelay(bus.maxRedeliveryDelay().toMillis());
    }
}
