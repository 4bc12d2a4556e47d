package io.omnihub.broker;

import io.omnihub.routes.bus.BusProperties;
import io.omnihub.store.channel.Channels;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded Artemis broker of the default set-up: every hub queue is created durable with its
 * dead-letter queue, a bounded number of deliveries and redelivery with exponential backoff; the
 * dead-letter queues keep their messages until they are held in the store.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.artemis.mode", havingValue = "embedded", matchIfMissing = true)
class EmbeddedBrokerConfiguration {

    @Bean
    ArtemisConfigurationCustomizer busTopologyCustomizer(BusProperties bus, Channels channels) {
        BusTopology topology = new BusTopology(bus, channels);
        return configuration -> {
            for (String queue : topology.queues()) {
                configuration.addAddressConfiguration(anycastAddress(queue));
                configuration.addAddressConfiguration(anycastAddress(topology.deadLetterOf(queue)));
                configuration.addAddressSetting(queue, topology.redeliveryPolicy(queue));
                configuration.addAddressSetting(topology.deadLetterOf(queue), topology.parkingPolicy());
            }
            // hub.events: every node's live subscription, and the integrations' durable one
            configuration.addAddressConfiguration(new CoreAddressConfiguration().setName(topology.events())
                    .addRoutingType(RoutingType.MULTICAST)
                    .addQueueConfiguration(BusTopology.integrationsSubscription(topology.events())));
            configuration.addAddressConfiguration(anycastAddress(topology.deadLetterOf(BusTopology.INTEGRATIONS)));
            configuration.addAddressSetting(topology.events(), topology.redeliveryPolicy(BusTopology.INTEGRATIONS));
            configuration.addAddressSetting(topology.deadLetterOf(BusTopology.INTEGRATIONS), topology.parkingPolicy());
        };
    }

    private static CoreAddressConfiguration anycastAddress(String name) {
        return new CoreAddressConfiguration().setName(name).addRoutingType(RoutingType.ANYCAST)
                .addQueueConfiguration(BusTopology.durableQueue(name));
    }
}
