package io.omnihub.connectors.email;

import io.omnihub.connectors.inbox.ChannelBlocks;
import io.omnihub.connectors.inbox.InboxBlock;
import io.omnihub.connectors.inbox.InboxChannel;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The mailbox of every email inbox, {@code omnihub.inboxes.<key>.email}, bound by this channel itself.
 * Checked at start-up, with every {@code reply-mailbox} naming an email inbox that can send.
 */
@ConfigurationProperties("omnihub")
public class MailInboxesProperties implements MailInboxes, InboxChannel {

    /** What this channel reads of an inbox: its mailbox, and the email inbox it sends email replies from. */
    public record Inbox(String channel, MailboxSettings email, String replyMailbox)
            implements InboxBlock<MailboxSettings> {
        @Override
        public MailboxSettings settings() {
            return email;
        }
    }

    private final ChannelBlocks<MailboxSettings> mailboxes;

    public MailInboxesProperties(Map<String, Inbox> inboxes) {
        mailboxes = ChannelBlocks.of(MailInteractions.CHANNEL, "email",
                "an email inbox (its address, and imap to receive, smtp to send or both; see docs/email.md)", inboxes, MailboxSettings::check);
        mailboxes.checkNamedBy(inboxes, "reply-mailbox", Inbox::replyMailbox, mailbox -> mailbox.smtp() != null,
                "is not an email inbox with SMTP settings");
    }

    @Override
    public String channel() {
        return MailInteractions.CHANNEL;
    }

    @Override
    public Optional<MailboxSettings> mailbox(String key) {
        return mailboxes.find(key);
    }

    @Override
    public Map<String, MailboxSettings> mailboxes() {
        return mailboxes.all();
    }
}
