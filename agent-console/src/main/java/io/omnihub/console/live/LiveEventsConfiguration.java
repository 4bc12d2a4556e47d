package io.omnihub.console.live;

import jakarta.jms.ConnectionFactory;
import org.springframework.boot.autoconfigure.jms.DefaultJmsListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jms.annotation.EnableJms;
import org.springframework.jms.config.DefaultJmsListenerContainerFactory;

/** A non-durable subscription to {@code hub.events} per node: live updates need no history on the broker. */
@Configuration(proxyBeanMethods = false)
@EnableJms
class LiveEventsConfiguration {

    static final String FACTORY = "liveEventsListenerFactory";

    @Bean(FACTORY)
    DefaultJmsListenerContainerFactory liveEventsListenerFactory(DefaultJmsListenerContainerFactoryConfigurer configurer,
            ConnectionFactory connectionFactory) {
        DefaultJmsListenerContainerFactory factory = new DefaultJmsListenerContainerFactory();
        configurer.configure(factory, connectionFactory);
        factory.setPubSubDomain(true);
        factory.setSubscriptionDurable(false);
        factory.setSessionTransacted(false);
        factory.setConcurrency("1");
        return factory;
    }
}
