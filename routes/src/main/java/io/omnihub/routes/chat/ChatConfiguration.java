package io.omnihub.routes.chat;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.omnihub.connectors.chat.ChatTokens;
import io.omnihub.store.secret.HubSecrets;

@Configuration(proxyBeanMethods = false)
class ChatConfiguration {

    /** Signs the widgets' visitor tokens with a secret every hub node shares (kept in the database). */
    @Bean
    ChatTokens chatTokens(HubSecrets secrets) {
        return new ChatTokens(secrets.getOrCreate("chat-visitor-tokens"));
    }
}
