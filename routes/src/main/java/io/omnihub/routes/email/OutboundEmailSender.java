package io.omnihub.routes.email;

import io.omnihub.connectors.email.MailInteractions;
import io.omnihub.routes.outbound.ChannelSender;
import io.omnihub.connectors.email.MailComposer;
import io.omnihub.connectors.email.MailPart;
import io.omnihub.connectors.email.MailboxSettings;
import io.omnihub.connectors.email.MessageIdSigner;
import io.omnihub.connectors.email.OutlookThreadIndex;
import io.omnihub.connectors.email.ReplyMail;
import io.omnihub.connectors.email.SmtpSender;
import io.omnihub.connectors.email.MailInboxes;
import io.omnihub.store.interaction.Deliveries;
import io.omnihub.store.interaction.DeliveryStatus;
import io.omnihub.store.blob.BlobStorage;
import io.omnihub.store.conversation.Conversation;
import io.omnihub.store.conversation.ConversationRepository;
import io.omnihub.store.inbox.Inbox;
import io.omnihub.store.inbox.InboxRepository;
import io.omnihub.store.interaction.Attachment;
import io.omnihub.store.interaction.AttachmentRepository;
import io.omnihub.store.interaction.Direction;
import io.omnihub.store.interaction.Interaction;
import io.omnihub.store.interaction.InteractionRepository;
import io.omnihub.store.mail.MessageReference;
import io.omnihub.store.mail.MessageReferenceRepository;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends one queued email reply: gives it its signed Message-ID (once, so every retry sends the
 * same id), threads it under the customer's last mail, sends it over the mailbox's SMTP server and
 * records what happened: SENT, or FAILED with the server's reason for a permanent refusal. A
 * transient failure is thrown, for the bus to retry with backoff. A reply no longer QUEUED (sent or
 * failed before) is not sent again.
 */
@Component
class OutboundEmailSender implements ChannelSender {

    private static final Logger log = LoggerFactory.getLogger(OutboundEmailSender.class);

    /** Everything needed to send, read in one short transaction. */
    record Prepared(long interactionId, MailboxSettings mailbox, ReplyMail mail) {
    }

    private final InteractionRepository interactions;
    private final ConversationRepository conversations;
    private final InboxRepository inboxRows;
    private final MessageReferenceRepository references;
    private final AttachmentRepository attachments;
    private final BlobStorage blobs;
    private final Deliveries deliveries;
    private final MailInboxes mailboxes;
    private final MessageIdSigner signer;
    private final EmailProperties email;
    private final TransactionTemplate transaction;
    private final MailComposer composer = new MailComposer();
    private final SmtpSender smtp = new SmtpSender();

    OutboundEmailSender(InteractionRepository interactions, ConversationRepository conversations,
            InboxRepository inboxRows, MessageReferenceRepository references, AttachmentRepository attachments,
            BlobStorage blobs, Deliveries deliveries,
            MailInboxes mailboxes, MessageIdSigner signer, EmailProperties email, TransactionTemplate transaction) {
        this.interactions = interactions;
        this.conversations = conversations;
        this.inboxRows = inboxRows;
        this.references = references;
        this.attachments = attachments;
        this.blobs = blobs;
        this.deliveries = deliveries;
        this.mailboxes = mailboxes;
        this.signer = signer;
        this.email = email;
        this.transaction = transaction;
    }

    @Override
    public String channel() {
        return MailInteractions.CHANNEL;
    }

    @Override
    public void send(long interactionId) throws MessagingException {
        Prepared prepared = transaction.execute(status -> prepare(interactionId));
        if (prepared == null) {
            return;
        }
        MimeMessage message = composer.compose(prepared.mail());
        try {
            smtp.send(prepared.mailbox(), message);
        } catch (SmtpSender.PermanentFailure refused) {
            log.warn("reply {} refused by the mail server: {}", interactionId, refused.getMessage());
            deliveries.report(interactionId, DeliveryStatus.FAILED, refused.getMessage(), Map.of());
            return;
        }
        deliveries.report(interactionId, DeliveryStatus.SENT, null, Map.of());
        log.info("reply {} sent to {} as <{}>", interactionId, prepared.mail().to(), prepared.mail().messageId());
        try {
            smtp.keepCopy(prepared.mailbox(), message);
        } catch (MessagingException | RuntimeException e) {
            log.warn("reply {} sent, but its copy could not be kept in the Sent folder: {}", interactionId,
                    e.getMessage());
        }
    }

    private Prepared prepare(long interactionId) {
        Interaction reply = interactions.findById(interactionId).orElse(null);
        if (reply == null || reply.delivery() != DeliveryStatus.QUEUED) {
            return null;
        }
        Conversation conversation = conversations.findById(reply.getConversationId()).orElseThrow();
        Inbox inbox = inboxRows.findById(reply.getInboxId()).orElseThrow();
        MailboxSettings mailbox = mailboxes.mailbox(inbox.getKey()).orElse(null);
        if (mailbox == null || mailbox.smtp() == null) {
            deliveries.record(reply, DeliveryStatus.FAILED, "the mailbox '" + inbox.getKey() + "' has no SMTP settings to send replies");
            return null;
        }
        String messageId = reply.getMetadata().get("messageId") instanceof String id ? id : null;
        if (messageId == null) {
            messageId = signer.sign(conversation.getId(), mailbox.domain());
            reply.addMetadata("messageId", messageId);
            references.remember(inbox.getId(), conversation.getId(), conversation.getCustomerId(),
                    MessageReference.Kind.MESSAGE_ID.name(), messageId);
        }
        List<String> thread = new ArrayList<>();
        String inReplyTo = null;
        String threadIndex = OutlookThreadIndex.rootFor(conversation.getId(), conversation.getOpenedAt());
        for (Interaction earlier : interactions.findByConversationIdOrderByOccurredAtAscIdAsc(conversation.getId())) {
            if (earlier.getId().equals(reply.getId())) {
                continue;
            }
            if (earlier.getMetadata().get("messageId") instanceof String id) {
                thread.add(id);
                if (earlier.getDirection() == Direction.INBOUND) {
                    inReplyTo = id;
                }
            }
            if (earlier.getMetadata().get("threadIndex") instanceof String customersIndex) {
                // an Outlook customer's thread: keep answering inside it
                threadIndex = customersIndex;
            }
        }
        String to = String.valueOf(reply.getMetadata().get("to"));
        ReplyMail mail = new ReplyMail(mailbox.address(), inbox.getName(), to,
                email.withToken(reply.getSubject(), conversation.getId()), messageId, inReplyTo, thread, threadIndex,
                reply.getBodyText(), Boolean.TRUE.equals(reply.getMetadata().get("autoReply")), files(reply));
        String threadId = OutlookThreadIndex.threadId(threadIndex);
        if (threadId != null) {
            references.remember(inbox.getId(), conversation.getId(), conversation.getCustomerId(),
                    MessageReference.Kind.THREAD_INDEX.name(), threadId);
        }
        return new Prepared(interactionId, mailbox, mail);
    }

    /** The files the agent attached, read from the blob store. */
    private List<MailPart> files(Interaction reply) {
        List<MailPart> files = new ArrayList<>();
        for (Attachment a : attachments.findByInteractionIdInOrderByIdAsc(List.of(reply.getId()))) {
            byte[] content = blobs.get(a.getSha256()).orElseThrow(() -> new IllegalStateException(
                    "the content of attachment " + a.getId() + " of reply " + reply.getId() + " is gone"));
            files.add(new MailPart(a.getFileName(), a.getContentType(), content, false, null));
        }
        return files;
    }
}
