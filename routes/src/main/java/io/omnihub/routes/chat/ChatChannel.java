package io.omnihub.routes.chat;

import io.omnihub.connectors.chat.ChatIntake;
import io.omnihub.store.channel.ReplyAddressing;
import java.util.Optional;
import io.omnihub.store.channel.ChannelType;
import org.springframework.stereotype.Component;

/** The web chat widget: answered only into the live chat the conversation runs in. */
@Component
class ChatChannel implements ChannelType {

    @Override
    public String key() {
        return ChatIntake.CHANNEL;
    }

    @Override
    public String label() {
        return "Chat";
    }

    @Override
    public Optional<ReplyAddressing> replies() {
        return Optional.of(ReplyAddressing.liveSessionOnly("chat"));
    }

    /** A chat is followed by its visitor's widget, unless it is a message left while nobody was online. */
    @Override
    public Optional<String> liveSession(String threadKey) {
        return Optional.ofNullable(threadKey).filter(key -> !key.startsWith(ChatIntake.OFFLINE));
    }
}
