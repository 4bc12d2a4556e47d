package io.omnihub.console.reply;

import io.omnihub.store.interaction.DeliveryStatus;
import io.omnihub.console.outbound.OutboundQueue;
import io.omnihub.store.blob.BlobStorage;
import io.omnihub.store.conversation.Conversation;
import io.omnihub.store.conversation.ConversationRepository;
import io.omnihub.store.customer.ContactPointRepository;
import io.omnihub.store.customer.ContactPointType;
import io.omnihub.store.interaction.Attachment;
import io.omnihub.store.interaction.AttachmentRepository;
import io.omnihub.store.interaction.Direction;
import io.omnihub.store.interaction.Interaction;
import io.omnihub.store.interaction.InteractionDraft;
import io.omnihub.store.interaction.InteractionKind;
import io.omnihub.store.interaction.InteractionRepository;
import io.omnihub.store.interaction.Deliveries;
import io.omnihub.store.interaction.Timeline;
import io.omnihub.store.user.AppUser;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * An agent's reply: recorded on the conversation as an outbound interaction waiting to be sent,
 * and put on {@code hub.outbound.<channel>} for the channel's sender, in one transaction (the bus
 * message is committed right after the database). The console never talks to a channel itself.
 */
@Service
public class ReplyService {

    private final ConversationRepository conversations;
    private final InteractionRepository interactions;
    private final ContactPointRepository contactPoints;
    private final AttachmentRepository attachments;
    private final BlobStorage blobs;
    private final Deliveries deliveries;
    private final Timeline timeline;
    private final OutboundQueue outboundQueue;
    private final ReplyChannels channels;
    private final io.omnihub.store.audit.AuditTrail audit;
    private final Clock clock;

    ReplyService(ConversationRepository conversations, InteractionRepository interactions,
            ContactPointRepository contactPoints, AttachmentRepository attachments, BlobStorage blobs,
            Deliveries deliveries, Timeline timeline, OutboundQueue outboundQueue, ReplyChannels channels,
            io.omnihub.store.audit.AuditTrail audit, Clock clock) {
        this.conversations = conversations;
        this.interactions = interactions;
        this.contactPoints = contactPoints;
        this.attachments = attachments;
        this.blobs = blobs;
        this.deliveries = deliveries;
        this.timeline = timeline;
        this.outboundQueue = outboundQueue;
        this.channels = channels;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * An agent sends a FAILED message again (after the server was down for longer than the retry
     * window, or once a fault is fixed): QUEUED afresh, its attempts counted from zero and its retry
     * window starting now, and put on its queue. Audited.
     */
    @Transactional
    public Interaction resend(long conversationId, long interactionId, AppUser actor) {
        Interaction sent = interactions.findForUpdate(interactionId)
                .filter(i -> i.getConversationId().equals(conversationId))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "conversation " + conversationId
                        + " has no message " + interactionId));
        if (sent.getDirection() != Direction.OUTBOUND || !channels.answers(sent.getChannel())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "message " + interactionId + " is not a reply "
                    + "the hub sends (only replies on " + channels.answeredKeys() + " are sent again)");
        }
        if (sent.delivery() != DeliveryStatus.FAILED) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "message " + interactionId + " is "
                    + sent.getDeliveryStatus() + "; only a FAILED message is sent again");
        }
        String recipient = String.valueOf(sent.getMetadata().get("to"));
        contactPoints.findByTypeAndValue(ContactPointType.EMAIL, recipient).filter(cp -> cp.isBouncing())
                .ifPresent(cp -> {
                    throw new ResponseStatusException(HttpStatus.CONFLICT, "mail to " + recipient + " bounces (a "
                            + "delivery report said it fails permanently); reply on another channel");
                });
        contactPoints.findByTypeAndValue(ContactPointType.PHONE, recipient)
                .filter(cp -> cp.getConsent() == io.omnihub.store.customer.Consent.OPTED_OUT).ifPresent(cp -> {
                    throw new ResponseStatusException(HttpStatus.CONFLICT, recipient + " opted out of messages (sent "
                            + "STOP); they can opt in again by sending START");
                });
        Instant now = clock.instant();
        String failedWith = sent.getDeliveryError();
        deliveries.requeued(sent, actor.getUsername(), now);
        audit.record(actor.getUsername(), "reply.resend", "interaction", sent.getId(),
                failedWith == null ? Map.of() : Map.of("failedWith", failedWith));
        outboundQueue.enqueue(sent.getChannel(), sent.getId(), "reply:" + sent.getId() + ":" + now);
        return sent;
    }

    /** A file the agent attaches to a reply. */
    public record ReplyFile(String fileName, String contentType, byte[] content) {
    }

    /**
     * Where a reply to the conversation can go now, the channel a reply takes by default first, and, when it can go
     * nowhere, why (for the agent to read); its history read once.
     */
    public record ReplyOptions(List<String> channels, String blocked) {
    }

    @Transactional(readOnly = true)
    public ReplyOptions replyOptions(long conversationId) {
        Conversation conversation = conversations.findById(conversationId).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "there is no conversation " + conversationId));
        List<Interaction> history = interactions.findByConversationIdOrderByOccurredAtAscIdAsc(conversation.getId());
        List<String> choices = channels.choices(conversation, history);
        return new ReplyOptions(choices, channels.blocked(conversation, history, choices).orElse(null));
    }

    /** The recorded reply on the conversation's own channel, queued for sending. */
    @Transactional
    public Interaction reply(long conversationId, String text, List<ReplyFile> files, AppUser author) {
        return reply(conversationId, null, text, files, author);
    }

    /** The recorded reply on {@code channel} (null: the conversation's own), queued for sending. */
    @Transactional
    public Interaction reply(long conversationId, String requestedChannel, String text, List<ReplyFile> files,
            AppUser author) {
        Conversation conversation = conversations.findById(conversationId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "there is no conversation " + conversationId));
        List<Interaction> history = interactions.findByConversationIdOrderByOccurredAtAscIdAsc(conversationId);
        ReplyChannels.Route route = channels.route(conversation, history, requestedChannel);
        String channel = route.channel();
        String recipient = route.recipient();
        Optional.of(recipient).flatMap(r -> contactPoints.findByTypeAndValue(ContactPointType.EMAIL, r))
                .filter(cp -> cp.isBouncing()).ifPresent(cp -> {
                    throw new ResponseStatusException(HttpStatus.CONFLICT, "mail to " + recipient
                            + " bounces (a delivery report said it fails permanently); reply on another channel");
                });
        Optional.of(recipient).flatMap(r -> contactPoints.findByTypeAndValue(ContactPointType.PHONE, r))
                .filter(cp -> cp.getConsent() == io.omnihub.store.customer.Consent.OPTED_OUT).ifPresent(cp -> {
                    throw new ResponseStatusException(HttpStatus.CONFLICT, recipient + " opted out of messages (sent "
                            + "STOP); they can opt in again by sending START");
                });
        Instant now = clock.instant();
        String subject = conversation.getSubject() == null ? "Your request" : conversation.getSubject();
        InteractionDraft draft = new InteractionDraft(channel, Direction.OUTBOUND,
                InteractionKind.MESSAGE, "reply-" + UUID.randomUUID(), now, author.getUsername(),
                subject.regionMatches(true, 0, "Re:", 0, 3) ? subject : "Re: " + subject, text, null, List.of(),
                Map.of("to", recipient));
        Interaction reply = new Interaction(draft, conversation.getId(), conversation.getCustomerId(),
                route.inboxId(), now);
        reply.authoredBy(author.getId(), DeliveryStatus.QUEUED);
        reply = timeline.record(reply, null);
        for (ReplyFile file : files) {
            attachments.save(new Attachment(reply.getId(), file.fileName(), file.contentType(), file.content().length,
                    blobs.put(file.content()), null, now));
        }
        conversation.agentInteracted(now);
        outboundQueue.enqueue(channel, reply.getId());
        return reply;
    }
}
