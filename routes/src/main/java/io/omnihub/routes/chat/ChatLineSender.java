package io.omnihub.routes.chat;

import io.omnihub.connectors.chat.ChatIntake;
import io.omnihub.routes.outbound.ChannelSender;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.omnihub.connectors.chat.ChatLine;
import io.omnihub.connectors.chat.ChatSessions;
import io.omnihub.connectors.chat.ChatSignals;
import io.omnihub.store.interaction.Deliveries;
import io.omnihub.store.interaction.DeliveryStatus;
import io.omnihub.store.conversation.Conversation;
import io.omnihub.store.conversation.ConversationRepository;
import io.omnihub.store.interaction.Attachment;
import io.omnihub.store.interaction.AttachmentRepository;
import io.omnihub.store.interaction.Interaction;
import io.omnihub.store.user.AppUser;
import io.omnihub.store.interaction.InteractionRepository;
import io.omnihub.store.user.AppUserRepository;

/**
 * Sends an agent's chat reply: the line goes on the live topic, from which the node the visitor's
 * widget is connected to shows it (SENT); the widget confirms it was shown (DELIVERED, through
 * {@code hub.inbound}). A visitor who is away sees it in the chat's history when they come back.
 */
@Component
class ChatLineSender implements ChannelSender {

    private static final Logger log = LoggerFactory.getLogger(ChatLineSender.class);

    private record Prepared(String session, ChatLine line) {
    }

    private final InteractionRepository interactions;
    private final ConversationRepository conversations;
    private final AttachmentRepository attachments;
    private final AppUserRepository users;
    private final ChatSignals signals;
    private final Deliveries deliveries;
    private final TransactionTemplate transaction;

    ChatLineSender(InteractionRepository interactions, ConversationRepository conversations,
            AttachmentRepository attachments, AppUserRepository users, ChatSignals signals, Deliveries deliveries,
            TransactionTemplate transaction) {
        this.interactions = interactions;
        this.conversations = conversations;
        this.attachments = attachments;
        this.users = users;
        this.signals = signals;
        this.deliveries = deliveries;
        this.transaction = transaction;
    }

    @Override
    public String channel() {
        return ChatIntake.CHANNEL;
    }

    @Override
    public void send(long interactionId) {
        Prepared prepared = transaction.execute(status -> prepare(interactionId));
        if (prepared == null) {
            return;
        }
        // SENT is committed before the line can reach a widget, whose receipt (DELIVERED) may come at once
        deliveries.report(interactionId, DeliveryStatus.SENT, null, Map.of());
        Map<String, Object> signal = new LinkedHashMap<>();
        signal.put("type", ChatSessions.LINE);
        signal.put("session", prepared.session());
        signal.put("line", prepared.line());
        signals.publish(signal);
        log.info("chat reply {} sent to chat {}", interactionId, prepared.session());
    }

    private Prepared prepare(long interactionId) {
        Interaction reply = interactions.findById(interactionId).orElse(null);
        if (reply == null || reply.delivery() != DeliveryStatus.QUEUED) {
            return null;
        }
        Conversation conversation = conversations.findById(reply.getConversationId()).orElseThrow();
        String session = conversation.getThreadKey();
        if (!ChatIntake.CHANNEL.equals(conversation.getChannel()) || session == null || session.startsWith(ChatIntake.OFFLINE)) {
            deliveries.record(reply, DeliveryStatus.FAILED, "this conversation has no chat to answer in (a message left while "
                    + "nobody was online is answered by email)");
            return null;
        }
        String author = reply.getAuthorId() == null ? "Support"
                : users.findById(reply.getAuthorId()).map(AppUser::shownName).orElse("Support");
        List<String> files = attachments.findByInteractionIdInOrderByIdAsc(List.of(reply.getId())).stream()
                .map(Attachment::getFileName).toList();
        return new Prepared(session, new ChatLine(reply.getExternalId(), "agent", author, reply.getBodyText(),
                reply.getOccurredAt(), files));
    }
}
