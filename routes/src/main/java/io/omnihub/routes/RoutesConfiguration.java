package io.omnihub.routes;

import io.omnihub.routes.bus.BusProperties;
import io.omnihub.routes.outbox.OutboxProperties;
import io.omnihub.routes.email.EmailProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({BusProperties.class, OutboxProperties.class, EmailProperties.class,
        io.omnihub.routes.integrations.IntegrationsProperties.class, io.omnihub.routes.sla.SlaProperties.class,
        io.omnihub.routes.outbound.OutboundRetryProperties.class})
public class RoutesConfiguration {
}
