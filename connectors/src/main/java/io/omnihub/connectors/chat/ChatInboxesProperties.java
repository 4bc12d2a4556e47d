package io.omnihub.connectors.chat;

import io.omnihub.connectors.inbox.ChannelBlocks;
import io.omnihub.connectors.inbox.InboxBlock;
import io.omnihub.connectors.inbox.InboxChannel;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The widget of every chat inbox, {@code omnihub.inboxes.<key>.chat}, bound by this channel itself.
 * Checked at start-up, naming the setting to fix.
 */
@ConfigurationProperties("omnihub")
public class ChatInboxesProperties implements ChatInboxes, InboxChannel {

    /** What this channel reads of an inbox: its widget, and the email inbox that sends its transcripts. */
    public record Inbox(String channel, ChatSettings chat, String replyMailbox) implements InboxBlock<ChatSettings> {
        @Override
        public ChatSettings settings() {
            return chat;
        }
    }

    private final ChannelBlocks<ChatSettings> widgets;
    private final Set<String> sendingTranscripts = new HashSet<>();

    public ChatInboxesProperties(Map<String, Inbox> inboxes) {
        widgets = ChannelBlocks.of(ChatIntake.CHANNEL, "chat",
                "a chat inbox (at least its allowed-origins; see docs/web-chat.md)", inboxes, ChatSettings::check);
        widgets.all().keySet().stream().filter(key -> inboxes.get(key).replyMailbox() != null
                && !inboxes.get(key).replyMailbox().isBlank()).forEach(sendingTranscripts::add);
    }

    @Override
    public String channel() {
        return ChatIntake.CHANNEL;
    }

    @Override
    public Optional<ChatSettings> chat(String key) {
        return widgets.find(key);
    }

    @Override
    public boolean sendsTranscripts(String key) {
        return sendingTranscripts.contains(key);
    }
}
