package io.omnihub.store;

import io.omnihub.store.customer.ContactPointNormalizer;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The store's shared beans: the clock and the contact-point normalizer. */
@Configuration(proxyBeanMethods = false)
public class StoreConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * @param defaultRegion {@code omnihub.identity.default-region}: the ISO 3166 region used to read
     *                      phone numbers written without a country code (default US)
     */
    @Bean
    ContactPointNormalizer contactPointNormalizer(@Value("${omnihub.identity.default-region:US}") String defaultRegion) {
        return new ContactPointNormalizer(defaultRegion);
    }
}
