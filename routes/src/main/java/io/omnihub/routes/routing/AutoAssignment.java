package io.omnihub.routes.routing;

import io.omnihub.connectors.inbox.InboxSettings;
import io.omnihub.connectors.inbox.InboxSettings.Routing;
import io.omnihub.connectors.inbox.InboxesProperties;
import io.omnihub.store.conversation.Conversation;
import io.omnihub.store.conversation.ConversationStatus;
import io.omnihub.store.events.ConversationAssigned;
import io.omnihub.store.inbox.Inbox;
import io.omnihub.store.outbox.OutboxWriter;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives a conversation to an agent of its inbox's team: only members who are ONLINE and below their
 * capacity for the conversation's channel qualify (no capacity set: none). ROUND_ROBIN takes the
 * next such member after the one last given a conversation; LEAST_LOADED the one with the fewest
 * open conversations on that channel (ties: who waited longest since their last one). The team's
 * routing row is locked while choosing, so concurrent assignments never push anyone past capacity.
 * Without a qualifying member the conversation waits in the team's list.
 */
@Component
public class AutoAssignment {

    private static final Logger log = LoggerFactory.getLogger(AutoAssignment.class);

    /** A member who could take the conversation. */
    private record Candidate(long userId, String username, int open, int capacity, Instant lastAssigned) {
    }

    private final InboxesProperties inboxes;
    private final JdbcTemplate jdbc;
    private final OutboxWriter outbox;
    private final Clock clock;

    AutoAssignment(InboxesProperties inboxes, JdbcTemplate jdbc, OutboxWriter outbox, Clock clock) {
        this.inboxes = inboxes;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A conversation just opened in an inbox: attached to the inbox's team, and assigned by its routing. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Long> assignNew(Conversation conversation, Inbox inbox) {
        if (inbox.getTeamId() == null) {
            return Optional.empty();
        }
        Routing routing = inboxes.find(inbox.getKey()).map(InboxSettings::routing).orElse(Routing.MANUAL);
        return assign(conversation, inbox.getTeamId(), routing);
    }

    /**
     * Gives the conversation (unassigned, open, attached to the team) to a qualifying member, in
     * the caller's transaction; returns the agent's user id, or empty when it waits.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Long> assign(Conversation conversation, long teamId, Routing routing) {
        conversation.inTeam(teamId);
        if (routing == Routing.MANUAL || conversation.getAssigneeId() != null
                || conversation.getStatus() == ConversationStatus.RESOLVED) {
            return Optional.empty();
        }
        String channel = conversation.getChannel();
        jdbc.update("insert into team_routing (team_id) values (?) on conflict do nothing", teamId);
        Long last = jdbc.queryForObject("select last_assigned_user_id from team_routing where team_id = ? for update",
                Long.class, teamId);
        List<Candidate> candidates = jdbc.query("""
                select u.id, u.username, coalesce(cap.max_open, 0),
                       (select count(*) from conversation c where c.assignee_id = u.id and c.channel = ?
                           and c.status <> 'RESOLVED'),
                       (select max(c.assigned_at) from conversation c where c.assignee_id = u.id)
                  from team_member m
                  join app_user u on u.id = m.user_id and u.enabled
                  join agent_presence p on p.user_id = u.id and p.status = 'ONLINE'
                  left join agent_capacity cap on cap.user_id = u.id and cap.channel = ?
                 where m.team_id = ?
                 order by u.id""",
                (rs, n) -> new Candidate(rs.getLong(1), rs.getString(2), rs.getInt(4), rs.getInt(3),
                        rs.getTimestamp(5) == null ? Instant.EPOCH : rs.getTimestamp(5).toInstant()),
                channel, channel, teamId).stream().filter(c -> c.open() < c.capacity()).toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Candidate chosen = routing == Routing.ROUND_ROBIN
                ? candidates.stream().filter(c -> last == null || c.userId() > last).findFirst().orElse(candidates.get(0))
                : candidates.stream().min(Comparator.comparingInt(Candidate::open)
                        .thenComparing(Candidate::lastAssigned).thenComparingLong(Candidate::userId)).orElseThrow();
        Instant now = clock.instant();
        conversation.assignTo(chosen.userId(), now);
        jdbc.update("update team_routing set last_assigned_user_id = ?, last_assigned_at = ? where team_id = ?",
                chosen.userId(), Timestamp.from(now), teamId);
        outbox.append(new ConversationAssigned(conversation.getId(), conversation.getCustomerId(), chosen.userId(),
                chosen.username(), teamId, routing.name()));
        log.info("conversation {} assigned to {} ({}, {} of {} open on {})", conversation.getId(), chosen.username(),
                routing, chosen.open() + 1, chosen.capacity(), channel);
        return Optional.of(chosen.userId());
    }
}
