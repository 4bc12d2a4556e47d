package io.omnihub.connectors;

import io.omnihub.connectors.inbox.InboxesProperties;
import io.omnihub.connectors.twilio.TwilioMediaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.servlet.DispatcherServlet;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({InboxesProperties.class, TwilioMediaProperties.class,
        io.omnihub.connectors.integrations.BusinessEventsProperties.class})
public class ConnectorsConfiguration {

    @Bean(DispatcherServlet.MULTIPART_RESOLVER_BEAN_NAME)
    MultipartResolver multipartResolver() {
        return new ChannelMultipartResolver();
    }
}
