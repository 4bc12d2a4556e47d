package io.omnihub.connectors.webform;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Web forms answer CORS pre-flights themselves, ahead of security and Spring MVC. */
@Configuration(proxyBeanMethods = false)
class WebFormCorsConfiguration {

    @Bean
    FilterRegistrationBean<WebFormPreflightFilter> webFormPreflightFilter(WebFormInboxes inboxes) {
        FilterRegistrationBean<WebFormPreflightFilter> registration =
                new FilterRegistrationBean<>(new WebFormPreflightFilter(inboxes));
        registration.addUrlPatterns(WebFormPreflightFilter.PATH + "*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
