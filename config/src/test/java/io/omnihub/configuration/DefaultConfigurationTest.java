package io.omnihub.configuration;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnihub.connectors.chat.ChatInboxesProperties;
import io.omnihub.connectors.email.MailInboxesProperties;
import io.omnihub.connectors.inbox.InboxesProperties;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The configuration a fresh checkout runs with (config/src/main/resources/application.yml), read as the hub
 * reads it: its form and chat can be answered, and its chat accepts the port the hub really listens on.
 */
class DefaultConfigurationTest {

    private static Binder hubStartedWith(Map<String, Object> commandLine) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("commandLine", commandLine));
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addLast);
        return Binder.get(environment);
    }

    @Test
    void theChatsOriginsFollowThePortTheHubListensOn() throws IOException {
        ChatInboxesProperties onItsOwnPort = hubStartedWith(Map.of("server.port", "18182"))
                .bind("omnihub", Bindable.of(ChatInboxesProperties.class)).get();
        assertThat(onItsOwnPort.chat("website-chat").orElseThrow().allowedOrigins())
                .containsExactly("http://localhost:18182", "http://127.0.0.1:18182");

        ChatInboxesProperties byDefault = hubStartedWith(Map.of())
                .bind("omnihub", Bindable.of(ChatInboxesProperties.class)).get();
        assertThat(byDefault.chat("website-chat").orElseThrow().allowedOrigins())
                .containsExactly("http://localhost:8080", "http://127.0.0.1:8080");
    }

    @Test
    void theFormAndTheChatAreAnsweredByEmailFromTheSendOnlyMailbox() throws IOException {
        Binder hub = hubStartedWith(Map.of());
        InboxesProperties inboxes = hub.bind("omnihub", Bindable.of(InboxesProperties.class)).get();
        assertThat(List.of(inboxes.find("contact").orElseThrow().replyMailbox(),
                inboxes.find("website-chat").orElseThrow().replyMailbox())).containsOnly("replies");
        MailInboxesProperties mailboxes = hub.bind("omnihub", Bindable.of(MailInboxesProperties.class)).get();
        var replies = mailboxes.mailbox("replies").orElseThrow();
        assertThat(replies.receives()).as("it only sends: no mail server is polled on a fresh machine").isFalse();
        assertThat(replies.smtp().host()).isEqualTo("localhost");
        assertThat(replies.address()).isEqualTo("support@localhost");
        assertThat(hub.bind("omnihub", Bindable.of(ChatInboxesProperties.class)).get().sendsTranscripts("website-chat"))
                .isTrue();
    }
}
