package io.omnihub.connectors.inbox;

import io.omnihub.connectors.chat.ChatInboxes;
import io.omnihub.connectors.chat.ChatSettings;
import io.omnihub.connectors.twilio.TwilioInboxes;
import io.omnihub.connectors.twilio.TwilioSettings;
import io.omnihub.connectors.webform.WebFormInboxes;
import io.omnihub.connectors.webform.WebFormSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every inbox the hub serves, keyed by inbox key: {@code omnihub.inboxes.<key>.channel: webform}
 * and the channel's own block. Adding a second form or mailbox is configuration, not code.
 * Checked at start-up: a mistake stops the hub with a message naming the setting to fix.
 */
@ConfigurationProperties("omnihub")
public record InboxesProperties(Map<String, InboxSettings> inboxes)
        implements WebFormInboxes, TwilioInboxes, ChatInboxes {

    public static final Set<String> CHANNELS = Set.of("webform", "email", "sms", "chat");
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public InboxesProperties {
        inboxes = inboxes == null ? Map.of() : new LinkedHashMap<>(inboxes);
        inboxes.forEach(InboxesProperties::check);
        Map<String, InboxSettings> all = inboxes;
        all.forEach((key, inbox) -> checkReplyMailbox(key, inbox, all));
    }

    public Optional<InboxSettings> find(String key) {
        return Optional.ofNullable(key).map(inboxes::get);
    }

    @Override
    public Optional<WebFormSettings> webform(String key) {
        return find(key).filter(inbox -> "webform".equals(inbox.channel())).map(InboxSettings::webform);
    }

    @Override
    public Optional<TwilioSettings> twilio(String key) {
        return find(key).map(InboxSettings::twilio);
    }

    @Override
    public Map<String, TwilioSettings> twilioInboxes() {
        Map<String, TwilioSettings> twilio = new LinkedHashMap<>();
        inboxes.forEach((key, inbox) -> {
            if ("sms".equals(inbox.channel()) && inbox.twilio() != null) {
                twilio.put(key, inbox.twilio());
            }
        });
        return twilio;
    }

    @Override
    public Optional<ChatSettings> chat(String key) {
        return find(key).filter(inbox -> "chat".equals(inbox.channel())).map(InboxSettings::chat);
    }

    private static void checkReplyMailbox(String key, InboxSettings inbox, Map<String, InboxSettings> all) {
        if (inbox.replyMailbox() != null && !inbox.replyMailbox().isBlank()) {
            InboxSettings mailbox = all.get(inbox.replyMailbox());
            if (mailbox == null || !"email".equals(mailbox.channel()) || mailbox.email().smtp() == null) {
                throw new IllegalArgumentException("omnihub.inboxes." + key + ".reply-mailbox: '"
                        + inbox.replyMailbox() + "' is not an email inbox with SMTP settings");
            }
        }
        if (inbox.replySms() != null && !inbox.replySms().isBlank()) {
            InboxSettings sms = all.get(inbox.replySms());
            if (sms == null || !"sms".equals(sms.channel())) {
                throw new IllegalArgumentException("omnihub.inboxes." + key + ".reply-sms: '" + inbox.replySms()
                        + "' is not an sms inbox");
            }
        }
    }

    private static void check(String key, InboxSettings inbox) {
        String where = "omnihub.inboxes." + key;
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException(where + ": an inbox key is lower-case letters, digits and '-' "
                    + "(it appears in URLs), at most 63 characters");
        }
        if (inbox == null || inbox.channel() == null || !CHANNELS.contains(inbox.channel())) {
            throw new IllegalArgumentException(where + ".channel must be one of " + CHANNELS);
        }
        if (inbox.routing() != InboxSettings.Routing.MANUAL && (inbox.team() == null || inbox.team().isBlank())) {
            throw new IllegalArgumentException(where + ".routing " + inbox.routing() + " needs a team: "
                    + where + ".team names the team whose agents take its conversations");
        }
        if (inbox.restricted() && (inbox.team() == null || inbox.team().isBlank())) {
            throw new IllegalArgumentException(where + ".restricted needs a team: " + where
                    + ".team names the team whose members alone may see the inbox");
        }
        if ("webform".equals(inbox.channel()) && inbox.webform() == null) {
            throw new IllegalArgumentException(where + ".webform is required for a webform inbox "
                    + "(at least its field mapping; see docs/configuration.md)");
        }
        if ("email".equals(inbox.channel())) {
            if (inbox.email() == null) {
                throw new IllegalArgumentException(where + ".email is required for an email inbox "
                        + "(address and imap; see docs/email.md)");
            }
            inbox.email().check(where + ".email");
        }
        if ("chat".equals(inbox.channel())) {
            if (inbox.chat() == null) {
                throw new IllegalArgumentException(where + ".chat is required for a chat inbox "
                        + "(at least its allowed-origins; see docs/web-chat.md)");
            }
            inbox.chat().check(where + ".chat");
        }
        if ("sms".equals(inbox.channel())) {
            if (inbox.twilio() == null) {
                throw new IllegalArgumentException(where + ".twilio is required for an sms inbox "
                        + "(account, auth token, numbers, public base URL; see docs/twilio.md)");
            }
            inbox.twilio().check(where + ".twilio");
        }
    }
}
