package io.omnihub.routes.routing;

import io.omnihub.connectors.inbox.InboxSettings;
import io.omnihub.connectors.inbox.InboxSettings.Routing;
import io.omnihub.connectors.inbox.InboxesProperties;
import io.omnihub.store.conversation.Conversation;
import io.omnihub.store.conversation.ConversationService;
import io.omnihub.store.conversation.ConversationStatus;
import io.omnihub.store.inbox.Inbox;
import io.omnihub.store.team.Teams;
import io.omnihub.store.team.Teams.Candidate;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private final InboxesProperties inboxes;
    private final Teams teams;
    private final ConversationService conversations;
    private final Clock clock;

    AutoAssignment(InboxesProperties inboxes, Teams teams, ConversationService conversations, Clock clock) {
        this.inboxes = inboxes;
        this.teams = teams;
        this.conversations = conversations;
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
        Long last = teams.lockRouting(teamId);
        List<Candidate> candidates = teams.candidates(teamId, channel);
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Candidate chosen = routing == Routing.ROUND_ROBIN
                ? candidates.stream().filter(c -> last == null || c.userId() > last).findFirst().orElse(candidates.get(0))
                : candidates.stream().min(Comparator.comparingInt(Candidate::open)
                        .thenComparing(Candidate::lastAssigned).thenComparingLong(Candidate::userId)).orElseThrow();
        conversations.routedTo(conversation, chosen.userId(), chosen.username(), teamId, routing.name());
        teams.assigned(teamId, chosen.userId(), clock.instant());
        log.info("conversation {} assigned to {} ({}, {} of {} open on {})", conversation.getId(), chosen.username(),
                routing, chosen.open() + 1, chosen.capacity(), channel);
        return Optional.of(chosen.userId());
    }
}
