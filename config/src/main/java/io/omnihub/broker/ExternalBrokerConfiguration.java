package io.omnihub.broker;

import io.omnihub.routes.bus.BusProperties;
import io.omnihub.store.channel.Channels;
import jakarta.jms.ConnectionFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An external Artemis broker ({@code spring.artemis.mode=native}, the {@code external} profile):
 * the hub applies its bus topology to it while starting, before any route consumes.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.artemis.mode", havingValue = "native")
class ExternalBrokerConfiguration {

    @Bean(initMethod = "apply")
    ExternalBrokerTopology externalBrokerTopology(ConnectionFactory connectionFactory, BusProperties bus,
            Channels channels) {
        return new ExternalBrokerTopology(connectionFactory, bus, channels);
    }
}
