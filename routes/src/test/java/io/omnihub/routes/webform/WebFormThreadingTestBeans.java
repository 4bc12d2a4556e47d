package io.omnihub.routes.webform;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The web-form threading rule. */
@TestConfiguration(proxyBeanMethods = false)
public class WebFormThreadingTestBeans {

    @Bean
    public WebFormThreading webFormThreading() {
        return new WebFormThreading();
    }
}
