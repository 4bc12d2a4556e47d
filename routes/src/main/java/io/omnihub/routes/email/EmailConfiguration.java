package io.omnihub.routes.email;

import io.omnihub.connectors.email.MessageIdSigner;
import io.omnihub.store.secret.HubSecrets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EmailConfiguration {

    /** Signs our Message-IDs with the configured secret, else with one the hub keeps in its database. */
    @Bean
    MessageIdSigner messageIdSigner(EmailProperties email, HubSecrets secrets) {
        String secret = email.signingSecret();
        return new MessageIdSigner(secret != null && !secret.isBlank() ? secret
                : secrets.getOrCreate("email-message-id-signing"));
    }
}
