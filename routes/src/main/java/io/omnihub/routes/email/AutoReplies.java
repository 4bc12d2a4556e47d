package io.omnihub.routes.email;

import io.omnihub.store.interaction.DeliveryStatus;
import io.omnihub.connectors.bus.InboundInteraction;
import io.omnihub.connectors.bus.InteractionFlag;
import io.omnihub.connectors.email.MailInteractions;
import io.omnihub.connectors.email.MailboxSettings;
import io.omnihub.connectors.email.MailInboxes;
import io.omnihub.store.conversation.Conversation;
import io.omnihub.store.interaction.Direction;
import io.omnihub.store.interaction.Interaction;
import io.omnihub.store.interaction.InteractionDraft;
import io.omnihub.store.interaction.InteractionKind;
import io.omnihub.store.interaction.InteractionRepository;
import io.omnihub.routes.outbound.QueueAfterCommit;
import io.omnihub.store.interaction.Timeline;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Acknowledges a customer's mail that opened a conversation, when the mailbox asks for it: never
 * for mail from machines (auto-replies, lists, bounces) or from our own addresses, and at most once
 * per address within the mailbox's {@code per-address} time, so two responders cannot loop. The
 * acknowledgement is recorded on the conversation and queued for sending once the recording
 * transaction has committed.
 */
@Component
public class AutoReplies {

    private static final Logger log = LoggerFactory.getLogger(AutoReplies.class);

    private final MailInboxes mailboxes;
    private final InteractionRepository interactions;
    private final Timeline timeline;
    private final QueueAfterCommit queue;
    private final Clock clock;

    AutoReplies(MailInboxes mailboxes, InteractionRepository interactions, Timeline timeline,
            QueueAfterCommit queue, Clock clock) {
        this.mailboxes = mailboxes;
        this.interactions = interactions;
        this.timeline = timeline;
        this.queue = queue;
        this.clock = clock;
    }

    /** Called in the recording transaction after a mail opened {@code conversation}. */
    public void acknowledge(InboundInteraction mail, Conversation conversation) {
        if (!MailInteractions.CHANNEL.equals(mail.channel()) || mail.flagged(InteractionFlag.AUTO_SUBMITTED)
                || mail.flagged(InteractionFlag.BOUNCE) || mail.flagged(InteractionFlag.UNPARSEABLE)) {
            return;
        }
        MailboxSettings mailbox = mailboxes.mailbox(mail.inbox()).orElse(null);
        if (mailbox == null || mailbox.autoReply() == null || mailbox.smtp() == null) {
            return;
        }
        String to = mail.from().primary().value();
        Instant now = clock.instant();
        if (interactions.countAutoRepliesSince(conversation.getInboxId(), to,
                now.minus(mailbox.autoReply().perAddress())) > 0) {
            log.info("no acknowledgement to {}: one was sent within {}", to, mailbox.autoReply().perAddress());
            return;
        }
        String subject = mail.subject() == null ? "Your message" : mail.subject();
        InteractionDraft draft = new InteractionDraft(MailInteractions.CHANNEL, Direction.OUTBOUND,
                InteractionKind.MESSAGE, "auto-reply-" + UUID.randomUUID(), now, mailbox.address(),
                subject.regionMatches(true, 0, "Re:", 0, 3) ? subject : "Re: " + subject,
                mailbox.autoReply().text().replace("{id}", Long.toString(conversation.getId())), null, List.of(),
                Map.of("to", to, "autoReply", true));
        Interaction reply = new Interaction(draft, conversation.getId(), conversation.getCustomerId(),
                conversation.getInboxId(), now);
        reply.authoredBy(null, DeliveryStatus.QUEUED);
        long id = timeline.record(reply, mail.inbox()).getId();
        queue.enqueue(MailInteractions.CHANNEL, id);
    }
}
