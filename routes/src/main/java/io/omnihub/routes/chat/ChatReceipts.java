package io.omnihub.routes.chat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.omnihub.connectors.bus.InboundInteraction;
import io.omnihub.routes.inbox.InboxCatalog;
import io.omnihub.routes.outbound.Deliveries;
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
public class ChatReceipts {

    public static final String KIND = io.omnihub.connectors.chat.ChatIntake.RECEIPT;
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

    /** Called in the recording transaction; returns the interaction updated, or null when nothing changed. */
    public Long apply(InboundInteraction receipt) {
        String line = String.valueOf(receipt.metadata().get("line"));
        String session = String.valueOf(receipt.metadata().get("chatSession"));
        Interaction sent = interactions.findForUpdate(inboxes.require(receipt.inbox()).getId(), "chat", line)
                .filter(i -> i.getDirection() == Direction.OUTBOUND)
                .filter(i -> conversations.findById(i.getConversationId())
                        .map(c -> session.equals(c.getThreadKey())).orElse(false))
                .orElse(null);
        if (sent == null) {
            log.info("a chat receipt for line {} that is not an agent's line of chat {}: ignored", line, session);
            return null;
        }
        return deliveries.record(sent, "DELIVERED", null) ? sent.getId() : null;
    }
}
