package io.omnihub.store.conversation;

import io.omnihub.store.NotFound;
import io.omnihub.store.Refused;
import io.omnihub.store.channel.Channels;
import io.omnihub.store.events.ConversationAssigned;
import io.omnihub.store.events.ConversationPriorityChanged;
import io.omnihub.store.events.ConversationResolved;
import io.omnihub.store.events.ConversationStatusChanged;
import io.omnihub.store.inbox.InboxRepository;
import io.omnihub.store.interaction.Direction;
import io.omnihub.store.interaction.Interaction;
import io.omnihub.store.interaction.InteractionDraft;
import io.omnihub.store.interaction.InteractionKind;
import io.omnihub.store.interaction.Timeline;
import io.omnihub.store.outbox.OutboxWriter;
import io.omnihub.store.user.AppUser;
import io.omnihub.store.user.AppUserRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What agents do to a conversation, for the API and the console alike: change its status or
 * priority, assign it (claim it, give it to someone, transfer it to a team's waiting list), and add
 * internal notes. Each change and its event are one transaction.
 */
@Service
public class ConversationService {

    private final ConversationRepository conversations;
    private final Channels channels;
    private final InboxRepository inboxes;
    private final AppUserRepository users;
    private final OutboxWriter outbox;
    private final Timeline timeline;
    private final JdbcTemplate jdbc;
    private final io.omnihub.store.team.TeamRepository teams;
    private final io.omnihub.store.audit.AuditTrail audit;
    private final Clock clock;

    ConversationService(ConversationRepository conversations, InboxRepository inboxes,
            AppUserRepository users, OutboxWriter outbox, Timeline timeline, JdbcTemplate jdbc, io.omnihub.store.team.TeamRepository teams,
            io.omnihub.store.audit.AuditTrail audit, Channels channels,
            Clock clock) {
        this.channels = channels;
        this.conversations = conversations;
        this.inboxes = inboxes;
        this.users = users;
        this.outbox = outbox;
        this.timeline = timeline;
        this.jdbc = jdbc;
        this.teams = teams;
        this.audit = audit;
        this.clock = clock;
    }

    /** Returns whether it changed. */
    @Transactional
    public boolean changeStatus(long id, ConversationStatus status, String by) {
        Conversation conversation = find(id);
        ConversationStatus from = conversation.getStatus();
        if (!conversation.changeStatus(status, clock.instant())) {
            return false;
        }
        outbox.append(new ConversationStatusChanged(id, conversation.getCustomerId(), from.name(), status.name(), by));
        if (status == ConversationStatus.RESOLVED) {
            outbox.append(new ConversationResolved(id, conversation.getCustomerId(),
                    inboxes.findById(conversation.getInboxId()).orElseThrow().getKey(), conversation.getChannel(), by));
        }
        return true;
    }

    @Transactional
    public boolean changePriority(long id, Priority priority, String by) {
        Conversation conversation = find(id);
        Priority from = conversation.getPriority();
        if (!conversation.changePriority(priority, clock.instant())) {
            return false;
        }
        outbox.append(new ConversationPriorityChanged(id, conversation.getCustomerId(), from.name(), priority.name(),
                by));
        return true;
    }

    /** Sets the conversation's tags (the whole set); returns them as stored (normalized, sorted). */
    @Transactional
    public java.util.List<String> retag(long id, java.util.Collection<String> tags, String by) {
        Conversation conversation = find(id);
        if (conversation.retag(tags, clock.instant())) {
            outbox.append(new io.omnihub.store.events.ConversationTagged(id, conversation.getCustomerId(),
                    conversation.getTags(), by));
        }
        return conversation.getTags();
    }

    /**
     * Gives the conversation to {@code username} ({@code by} claiming it when it is their own name),
     * or to nobody ({@code null}: back to its team's list).
     */
    @Transactional
    public Conversation assign(long id, String username, String by) {
        Conversation conversation = find(id);
        AppUser assignee = username == null ? null : users.findByUsername(username)
                .orElseThrow(() -> new NotFound("there is no user " + username));
        conversation.assignTo(assignee == null ? null : assignee.getId(), clock.instant());
        outbox.append(new ConversationAssigned(id, conversation.getCustomerId(),
                assignee == null ? null : assignee.getId(), username, conversation.getTeamId(),
                username == null ? "UNASSIGNED by " + by : username.equals(by) ? "CLAIMED" : "ASSIGNED by " + by));
        return conversation;
    }

    /**
     * The inbox's routing gave the conversation to a member of its team (in the caller's
     * transaction, which holds the team's routing row).
     *
     * @param routing how it chose: ROUND_ROBIN, LEAST_LOADED
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void routedTo(Conversation conversation, long userId, String username, long teamId, String routing) {
        conversation.assignTo(userId, clock.instant());
        outbox.append(new ConversationAssigned(conversation.getId(), conversation.getCustomerId(), userId, username,
                teamId, routing));
    }

    /** Moves the conversation to another team's waiting list (unassigned). */
    @Transactional
    public Conversation transfer(long id, String teamKey, String by) {
        Conversation conversation = find(id);
        Long team = teams.findByKey(teamKey).map(io.omnihub.store.team.Team::getId)
                .orElseThrow(() -> new NotFound("there is no team " + teamKey));
        conversation.inTeam(team);
        conversation.assignTo(null, clock.instant());
        outbox.append(new ConversationAssigned(id, conversation.getCustomerId(), null, null, team,
                "TRANSFERRED by " + by));
        return conversation;
    }

    /** An internal note: on the conversation for agents, never sent to the customer. */
    @Transactional
    public Interaction note(long id, String text, AppUser author) {
        if (text == null || text.isBlank() || text.length() > 20_000) {
            throw new IllegalArgumentException("a note is 1 to 20,000 characters");
        }
        Conversation conversation = find(id);
        Instant now = clock.instant();
        Interaction note = new Interaction(new InteractionDraft(conversation.getChannel(), Direction.OUTBOUND,
                InteractionKind.NOTE, "note-" + UUID.randomUUID(), now, author.getUsername(), null, text.strip(), null,
                List.of(), Map.of("internal", true)), conversation.getId(), conversation.getCustomerId(),
                conversation.getInboxId(), now);
        note.authoredBy(author.getId(), null);
        return timeline.record(note, null);
    }

    /**
     * Merges {@code otherId} into {@code id}: the other conversation's interactions, tasks and thread
     * references move here, and it is resolved, pointing here. Only one customer's conversations; and
     * not when a customer merge not undone brought one of them over but not the other (undoing that
     * merge must still find every row where it left it).
     */
    @Transactional
    public int merge(long id, long otherId, String by) {
        if (id == otherId) {
            throw new Refused("a conversation cannot be merged into itself");
        }
        // both rows locked, always in id order: two agents merging the same pair either way wait for each other
        jdbc.queryForList("select id from conversation where id in (?, ?) order by id for update", Long.class,
                Math.min(id, otherId), Math.max(id, otherId));
        Conversation target = find(id);
        Conversation other = find(otherId);
        conversations.flush();
        if (!target.getCustomerId().equals(other.getCustomerId())) {
            throw new Refused("conversations " + id + " and " + otherId
                    + " belong to different customers: merge the customers first");
        }
        if (target.getMergedIntoId() != null || other.getMergedIntoId() != null) {
            throw new Refused("conversation " + (target.getMergedIntoId() != null
                    ? id : otherId) + " was merged into another already");
        }
        if (channels.liveSession(other.getChannel(), other.getThreadKey()).isPresent()) {
            throw new Refused("conversation " + otherId + " is a live chat: its "
                    + "visitor's widget follows it, so merge the other conversation into the chat instead");
        }
        if (!target.getInboxId().equals(other.getInboxId()) && restrictedEither(target, other)) {
            throw new Refused("conversation " + otherId + " is in another inbox "
                    + "and one of the two inboxes is restricted: merging would show its history outside its team");
        }
        List<Long> targetOrigins = customerMergesThatMoved(id);
        List<Long> otherOrigins = customerMergesThatMoved(otherId);
        if (!targetOrigins.equals(otherOrigins)) {
            throw new Refused("customer merge "
                    + (targetOrigins.isEmpty() ? otherOrigins : targetOrigins).get(0) + " brought one of these "
                    + "conversations over: undo it or merge conversations that came from the same customer");
        }
        int moved = jdbc.update("update interaction set conversation_id = ? where conversation_id = ?", id, otherId);
        jdbc.update("update conversation_task set conversation_id = ? where conversation_id = ?", id, otherId);
        jdbc.update("""
                update message_reference r set conversation_id = ? where conversation_id = ? and not exists (
                    select 1 from message_reference t where t.conversation_id = ? and t.inbox_id = r.inbox_id
                       and t.kind = r.kind and t.value = r.value)""", id, otherId, id);
        jdbc.update("delete from message_reference where conversation_id = ?", otherId);
        target.absorb(other, clock.instant());
        other.mergedInto(id, clock.instant());
        changeStatus(otherId, ConversationStatus.RESOLVED, by);
        audit.record(by, "conversation.merge", "conversation", id, Map.of("merged", otherId, "interactions", moved));
        outbox.append(new io.omnihub.store.events.ConversationsMerged(id, target.getCustomerId(), otherId, moved, by));
        return moved;
    }

    /** The customer merges (not undone) that moved this conversation, oldest first. */
    private List<Long> customerMergesThatMoved(long conversationId) {
        return jdbc.queryForList("select id from customer_merge where undone_at is null "
                + "and moved -> 'conversation' @> to_jsonb(?::bigint) order by id", Long.class, conversationId);
    }

    private boolean restrictedEither(Conversation target, Conversation other) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select bool_or(restricted) from inbox where id in (?, ?)",
                Boolean.class, target.getInboxId(), other.getInboxId()));
    }

    private Conversation find(long id) {
        return conversations.findById(id).orElseThrow(() -> new NotFound("there is no conversation " + id));
    }
}
