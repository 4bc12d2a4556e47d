package io.omnihub.routes.adapters;

import io.omnihub.store.interaction.DeliveryStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.omnihub.connectors.chat.ChatDesk;
import io.omnihub.connectors.chat.ChatLine;
import io.omnihub.connectors.inbox.InboxSettings;
import io.omnihub.connectors.email.MailInboxes;
import io.omnihub.connectors.inbox.InboxesProperties;
import io.omnihub.routes.inbox.InboxCatalog;
import io.omnihub.routes.outbound.QueueAfterCommit;
import io.omnihub.store.conversation.Conversation;
import io.omnihub.store.conversation.ConversationRepository;
import io.omnihub.store.interaction.Attachment;
import io.omnihub.store.interaction.AttachmentRepository;
import io.omnihub.store.interaction.Direction;
import io.omnihub.store.interaction.Interaction;
import io.omnihub.store.interaction.InteractionDraft;
import io.omnihub.store.interaction.InteractionKind;
import io.omnihub.store.interaction.InteractionRepository;
import io.omnihub.store.interaction.Timeline;
import io.omnihub.store.team.AgentPresence;
import io.omnihub.store.user.AppUserRepository;

/**
 * The chat connector's view of the store: a chat's lines (messages only, never internal notes),
 * whether any agent of the inbox's team is online, and transcripts, recorded on the conversation
 * as an outbound email and sent through the inbox's {@code reply-mailbox}.
 */
@Component
class StoreChatDesk implements ChatDesk {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final InboxesProperties settings;
    private final MailInboxes mailboxes;
    private final InboxCatalog inboxes;
    private final ConversationRepository conversations;
    private final InteractionRepository interactions;
    private final AttachmentRepository attachments;
    private final AppUserRepository users;
    private final Timeline timeline;
    private final QueueAfterCommit outbound;
    private final AgentPresence presence;
    private final Clock clock;

    StoreChatDesk(InboxesProperties settings, MailInboxes mailboxes, InboxCatalog inboxes, ConversationRepository conversations,
            InteractionRepository interactions, AttachmentRepository attachments, AppUserRepository users,
            Timeline timeline, QueueAfterCommit outbound, AgentPresence presence, Clock clock) {
        this.settings = settings;
        this.mailboxes = mailboxes;
        this.inboxes = inboxes;
        this.conversations = conversations;
        this.interactions = interactions;
        this.attachments = attachments;
        this.users = users;
        this.timeline = timeline;
        this.outbound = outbound;
        this.presence = presence;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ChatLine> history(String inbox, String sessionId, int limit) {
        List<Interaction> lines = lines(inbox, sessionId);
        List<Interaction> latest = lines.subList(Math.max(0, lines.size() - limit), lines.size());
        Map<Long, List<String>> files = attachments.findByInteractionIdInOrderByIdAsc(
                latest.stream().map(Interaction::getId).toList()).stream()
                .collect(Collectors.groupingBy(Attachment::getInteractionId,
                        Collectors.mapping(Attachment::getFileName, Collectors.toList())));
        List<ChatLine> result = new ArrayList<>();
        for (Interaction line : latest) {
            boolean agent = line.getDirection() == Direction.OUTBOUND;
            String id = agent ? line.getExternalId()
                    : line.getExternalId().substring(line.getExternalId().indexOf(':') + 1);
            result.add(new ChatLine(id, agent ? "agent" : "visitor", agent ? author(line) : null, line.getBodyText(),
                    line.getOccurredAt(), files.getOrDefault(line.getId(), List.of())));
        }
        return result;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean agentsAvailable(String inbox) {
        Long team = inboxes.require(inbox).getTeamId();
        return presence.anyoneOnline(team);
    }

    @Override
    @Transactional
    public String sendTranscript(String inbox, String sessionId, String email) {
        String mailboxKey = settings.find(inbox).map(InboxSettings::replyMailbox).orElse(null);
        if (mailboxKey == null) {
            return "transcripts by email are not available for this chat";
        }
        Optional<Conversation> conversation = chat(inbox, sessionId);
        List<Interaction> lines = lines(inbox, sessionId);
        if (conversation.isEmpty() || lines.isEmpty()) {
            return "there is nothing in this chat to send yet";
        }
        String title = settings.find(inbox).map(i -> i.displayName(inbox)).orElse(inbox);
        StringBuilder text = new StringBuilder("Transcript of your chat with ").append(title).append("\n\n");
        for (Interaction line : lines) {
            String who = line.getDirection() == Direction.OUTBOUND ? author(line) : "You";
            text.append('[').append(STAMP.format(line.getOccurredAt())).append("] ").append(who).append(": ")
                    .append(line.getBodyText() == null ? "(a file)" : line.getBodyText()).append('\n');
        }
        Conversation chat = conversation.get();
        Instant now = clock.instant();
        String mailbox = mailboxes.mailbox(mailboxKey).orElseThrow().address();
        InteractionDraft draft = new InteractionDraft("email", Direction.OUTBOUND, InteractionKind.MESSAGE,
                "transcript-" + UUID.randomUUID(), now, mailbox, "Your chat transcript", text.toString(), null,
                List.of(), Map.of("to", email, "transcript", true));
        Interaction transcript = new Interaction(draft, chat.getId(), chat.getCustomerId(),
                inboxes.require(mailboxKey).getId(), now);
        transcript.authoredBy(null, DeliveryStatus.QUEUED);
        long id = timeline.record(transcript, mailboxKey).getId();
        outbound.enqueue("email", id);
        return null;
    }

    private Optional<Conversation> chat(String inbox, String sessionId) {
        return conversations.findFirstByInboxIdAndThreadKeyOrderByOpenedAtDescIdDesc(inboxes.require(inbox).getId(),
                sessionId);
    }

    /** The chat's messages both ways, in order: no notes, no emails (a transcript is not a line). */
    private List<Interaction> lines(String inbox, String sessionId) {
        return chat(inbox, sessionId)
                .map(c -> interactions.findByConversationIdOrderByOccurredAtAscIdAsc(c.getId()))
                .map(Collection::stream).orElseGet(java.util.stream.Stream::empty)
                .filter(i -> "chat".equals(i.getChannel()) && i.getKind() == InteractionKind.MESSAGE)
                .toList();
    }

    private String author(Interaction line) {
        return line.getAuthorId() == null ? "Support" : users.findById(line.getAuthorId())
                .map(io.omnihub.store.user.AppUser::shownName).orElse("Support");
    }
}
