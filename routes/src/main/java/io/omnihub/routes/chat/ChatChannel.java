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
        return "Web chat";
    }

    @Override
    public Optional<ReplyAddressing> replies() {
        return Optional.of(ReplyAddressing.liveSessionOnly("chat"));
    }
}
