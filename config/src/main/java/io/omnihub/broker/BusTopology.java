package io.omnihub.broker;

import io.omnihub.routes.bus.BusProperties;
import io.omnihub.store.channel.Channels;
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
record BusTopology(BusProperties bus, Channels channels) {

    /** The durable subscription of the integration routes to {@code hub.events}. */
    static final String INTEGRATIONS = BusProperties.INTEGRATIONS;

    /** Queues consumed with redelivery and a dead-letter queue of their own. */
    List<String> queues() {
        return bus.queues(channels);
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

    /**
     * Redelivery with exponential backoff, then the queue's dead-letter queue. The routes park a
     * message that keeps failing themselves after {@code max-delivery-attempts}; the broker's own
     * limit is the far higher {@code outage-delivery-attempts}, reached only by messages that fail
     * because a dependency is unreachable (or by a node dying while it holds them).
     */
    AddressSettings redeliveryPolicy(String queue) {
        return new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(deadLetterOf(queue)))
                .setMaxDeliveryAttempts(bus.outageDeliveryAttempts())
                .setRedeliveryDelay(bus.redeliveryDelay().toMillis())
                .setRedeliveryMultiplier(bus.redeliveryMultiplier())
                .setMaxRedeliveryDelay(bus.maxRedeliveryDelay().toMillis());
    }

    /**
     * A dead-letter queue is drained into held items; while that cannot happen (the database is
     * down) its messages wait there, redelivered with backoff for ever, never dropped.
     */
    AddressSettings parkingPolicy() {
        return new AddressSettings()
                .setMaxDeliveryAttempts(-1)
                .setRedeliveryDelay(bus.redeliveryDelay().toMillis())
                .setRedeliveryMultiplier(bus.redeliveryMultiplier())
                .setMaxRedeliveryDelay(bus.maxRedeliveryDelay().toMillis());
    }
}
