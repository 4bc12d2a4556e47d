package io.omnihub.routes.chat;

import io.omnihub.connectors.chat.ChatIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.omnihub.connectors.bus.StatusUpdate;
import io.omnihub.routes.inbox.InboxCatalog;
import io.omnihub.store.interaction.Deliveries;
import io.omnihub.store.interaction.DeliveryStatus;
import io.omnihub.routes.status.StatusUpdateHandler;
import io.omnihub.store.conversation.ConversationRepository;
import io.omnihub.store.interaction.Direction;
import io.omnihub.store.interaction.Interaction;
import io.omnihub.store.interaction.InteractionRepository;

/**
 * A visitor's widget showed an agent's line: the line is DELIVERED. Only a line of the visitor's
 * own chat is marked (a receipt naming another chat's line changes nothing); statuses never move
 * back ({@link Deliveries#record}).
 */
@Component
class ChatReceipts implements StatusUpdateHandler {

    private static final Logger log = LoggerFactory.getLogger(ChatReceipts.class);

    private final InboxCatalog inboxes;
    private final InteractionRepository interactions;
    private final ConversationRepository conversations;
    private final Deliveries deliveries;

    ChatReceipts(InboxCatalog inboxes, InteractionRepository interactions, ConversationRepository conversations,
            Deliveries deliveries) {
        this.inboxes = inboxes;
        this.interactions = interactions;
        this.conversations = conversations;
        this.deliveries = deliveries;
    }

    @Override
    public String kind() {
        return ChatIntake.RECEIPT;
    }

    @Override
    public Long apply(StatusUpdate receipt) {
        String line = receipt.reference();
        String session = String.valueOf(receipt.facts().get("chatSession"));
        Interaction sent = interactions.findForUpdate(inboxes.require(receipt.inbox()).getId(), ChatIntake.CHANNEL, line)
                .filter(i -> i.getDirection() == Direction.OUTBOUND)
                .filter(i -> conversations.findById(i.getConversationId())
                        .map(c -> session.equals(c.getThreadKey())).orElse(false))
                .orElse(null);
        if (sent == null) {
            log.info("a chat receipt for line {} that is not an agent's line of chat {}: ignored", line, session);
            return null;
        }
        return deliveries.record(sent, DeliveryStatus.DELIVERED, null) ? sent.getId() : null;
    }
}
