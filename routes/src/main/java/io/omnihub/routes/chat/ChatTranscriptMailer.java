package io.omnihub.routes.chat;

import io.omnihub.connectors.chat.TranscriptRequest;
import io.omnihub.connectors.email.MailInboxes;
import io.omnihub.connectors.email.MailInteractions;
import io.omnihub.connectors.inbox.InboxSettings;
import io.omnihub.connectors.inbox.InboxesProperties;
import io.omnihub.routes.errors.PermanentFailure;
import io.omnihub.routes.inbox.InboxCatalog;
import io.omnihub.routes.outbound.QueueAfterCommit;
import io.omnihub.store.conversation.Conversation;
import io.omnihub.store.interaction.DeliveryStatus;
import io.omnihub.store.interaction.Direction;
import io.omnihub.store.interaction.Interaction;
import io.omnihub.store.interaction.InteractionDraft;
import io.omnihub.store.interaction.InteractionKind;
import io.omnihub.store.interaction.InteractionRepository;
import io.omnihub.store.interaction.Timeline;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the transcript a visitor asked for onto the chat's conversation as an outbound email from the
 * inbox's {@code reply-mailbox}, and queues it for sending. A request delivered twice is written once.
 */
@Component
class ChatTranscriptMailer {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final InboxesProperties settings;
    private final MailInboxes mailboxes;
    private final InboxCatalog inboxes;
    private final StoreChatDesk desk;
    private final InteractionRepository interactions;
    private final Timeline timeline;
    private final QueueAfterCommit outbound;
    private final Clock clock;

    ChatTranscriptMailer(InboxesProperties settings, MailInboxes mailboxes, InboxCatalog inboxes, StoreChatDesk desk,
            InteractionRepository interactions, Timeline timeline, QueueAfterCommit outbound, Clock clock) {
        this.settings = settings;
        this.mailboxes = mailboxes;
        this.inboxes = inboxes;
        this.desk = desk;
        this.interactions = interactions;
        this.timeline = timeline;
        this.outbound = outbound;
        this.clock = clock;
    }

    /** @return the transcript's interaction id (the one written before, for a request delivered again) */
    @Transactional
    public long send(TranscriptRequest request) {
        String inbox = request.inbox();
        String mailboxKey = settings.find(inbox).map(InboxSettings::replyMailbox)
                .filter(key -> mailboxes.mailbox(key).isPresent())
                .orElseThrow(() -> new PermanentFailure("chat inbox '" + inbox + "' has no reply-mailbox any more to "
                        + "send the transcript of chat " + request.sessionId() + " to " + request.email()));
        long mailboxId = inboxes.require(mailboxKey).getId();
        String externalId = "transcript-" + request.requestId();
        var sent = interactions.findByInboxIdAndChannelAndExternalId(mailboxId, MailInteractions.CHANNEL, externalId);
        if (sent.isPresent()) {
            return sent.get().getId();
        }
        Conversation chat = desk.chat(inbox, request.sessionId()).orElseThrow(() -> new PermanentFailure(
                "chat " + request.sessionId() + " of inbox '" + inbox + "' has no conversation to send a transcript of"));
        Instant now = clock.instant();
        String from = mailboxes.mailbox(mailboxKey).orElseThrow().address();
        InteractionDraft draft = new InteractionDraft(MailInteractions.CHANNEL, Direction.OUTBOUND,
                InteractionKind.MESSAGE, externalId, now, from, "Your chat transcript",
                text(inbox, desk.lines(inbox, request.sessionId())), null, List.of(),
                Map.of("to", request.email(), "transcript", true));
        Interaction transcript = new Interaction(draft, chat.getId(), chat.getCustomerId(), mailboxId, now);
        transcript.authoredBy(null, DeliveryStatus.QUEUED);
        long id = timeline.record(transcript, mailboxKey).getId();
        outbound.enqueue(MailInteractions.CHANNEL, id);
        return id;
    }

    private String text(String inbox, List<Interaction> lines) {
        String title = settings.find(inbox).map(i -> i.displayName(inbox)).orElse(inbox);
        StringBuilder text = new StringBuilder("Transcript of your chat with ").append(title).append("\n\n");
        for (Interaction line : lines) {
            String who = line.getDirection() == Direction.OUTBOUND ? desk.author(line) : "You";
            text.append('[').append(STAMP.format(line.getOccurredAt())).append("] ").append(who).append(": ")
                    .append(line.getBodyText() == null ? "(a file)" : line.getBodyText()).append('\n');
        }
        return text.toString();
    }
}
