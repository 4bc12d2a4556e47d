package io.omnihub.routes.email;

import io.omnihub.connectors.email.MailboxSettings;
import io.omnihub.connectors.email.MessageIdSigner;
import io.omnihub.connectors.email.MailInboxes;
import io.omnihub.connectors.email.MailInboxesProperties;
import io.omnihub.store.conversation.ConversationRepository;
import io.omnihub.store.mail.MessageReferenceRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.util.unit.DataSize;

/**
 * The email threading rule on real repositories, with plain settings: mailbox {@code support}
 * (the default: a changed subject stays in the thread) and mailbox {@code sales}, which opens a new
 * conversation when a reply changes the subject. Any other inbox key is not configured, which
 * behaves like {@code support}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmailThreadingTestBeans {

    public static final String SUPPORT = "support";
    public static final String SALES = "sales";
    public static final String DOMAIN = "omnihub.example";
    public static final Duration REOPEN_WINDOW = Duration.ofDays(7);

    @Bean
    public MessageIdSigner messageIdSigner() {
        return new MessageIdSigner("test-signing-secret-4f1c2a9e7b");
    }

    @Bean
    public EmailProperties emailProperties() {
        return new EmailProperties("[#{id}]", null);
    }

    @Bean
    public MailInboxesProperties mailInboxes() {
        return new MailInboxesProperties(Map.of(
                SUPPORT, mailbox(SUPPORT + "@" + DOMAIN, false),
                SALES, mailbox(SALES + "@" + DOMAIN, true)));
    }

    private static MailInboxesProperties.Inbox mailbox(String address, boolean newConversationOnSubjectChange) {
        MailboxSettings.Imap imap = new MailboxSettings.Imap("imap." + DOMAIN, null, MailboxSettings.Security.SSL,
                address, "secret", "INBOX", Duration.ofSeconds(30), MailboxSettings.AfterImport.SEEN, null);
        MailboxSettings email = new MailboxSettings(address, List.of(), imap, null, DataSize.ofMegabytes(25), null,
                newConversationOnSubjectChange);
        return new MailInboxesProperties.Inbox("email", email, null);
    }

    @Bean
    public EmailThreading emailThreading(MessageIdSigner signer, MessageReferenceRepository references,
            ConversationRepository conversations, EmailProperties email, MailInboxes mailboxes, Clock clock) {
        return new EmailThreading(signer, references, conversations, email, mailboxes, REOPEN_WINDOW, clock);
    }
}
