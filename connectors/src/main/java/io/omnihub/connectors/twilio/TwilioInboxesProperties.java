package io.omnihub.connectors.twilio;

import io.omnihub.connectors.inbox.ChannelBlocks;
import io.omnihub.connectors.inbox.InboxBlock;
import io.omnihub.connectors.inbox.InboxChannel;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Twilio account and numbers of every SMS inbox (with or without voice),
 * {@code omnihub.inboxes.<key>.twilio}, bound by this channel itself. Checked at start-up, with every
 * {@code reply-sms} naming an SMS inbox.
 */
@ConfigurationProperties("omnihub")
public class TwilioInboxesProperties implements TwilioInboxes, InboxChannel {

    /** What this channel reads of an inbox: its block, and the SMS inbox it sends SMS replies from. */
    public record Inbox(String channel, TwilioSettings twilio, String replySms) implements InboxBlock<TwilioSettings> {
        @Override
        public TwilioSettings settings() {
            return twilio;
        }
    }

    private final ChannelBlocks<TwilioSettings> accounts;

    public TwilioInboxesProperties(Map<String, Inbox> inboxes) {
        accounts = ChannelBlocks.of(TwilioWebhooks.CHANNEL, "twilio",
                "an sms inbox (account, auth token, numbers, public base URL; see docs/twilio.md)", inboxes,
                TwilioSettings::check);
        accounts.checkNamedBy(inboxes, "reply-sms", Inbox::replySms, account -> true, "is not an sms inbox");
    }

    @Override
    public String channel() {
        return TwilioWebhooks.CHANNEL;
    }

    @Override
    public Optional<TwilioSettings> twilio(String key) {
        return accounts.find(key);
    }

    @Override
    public Map<String, TwilioSettings> twilioInboxes() {
        return accounts.all();
    }
}
