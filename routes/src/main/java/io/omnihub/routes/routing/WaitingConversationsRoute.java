package io.omnihub.routes.routing;

import io.omnihub.routes.errors.HubErrorPolicy;
import io.omnihub.connectors.inbox.InboxSettings;
import io.omnihub.connectors.inbox.InboxesProperties;
import io.omnihub.store.conversation.ConversationRepository;
import io.omnihub.store.inbox.Inbox;
import io.omnihub.store.inbox.InboxRepository;
import java.time.Duration;
import java.util.List;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Conversations waiting in a routed team's list get an agent as soon as one has room: every
 * {@code omnihub.routing.sweep-interval} (default 5 s) the oldest waiting conversations of each
 * auto-routed inbox are offered again — after an agent came online, resolved a conversation or
 * was given more capacity.
 */
@Component
class WaitingConversationsRoute extends EndpointRouteBuilder {

    private static final int BATCH = 50;

    private final InboxesProperties inboxes;
    private final InboxRepository inboxRows;
    private final ConversationRepository conversations;
    private final AutoAssignment assignment;
    private final TransactionTemplate transaction;
    private final Duration interval;

    WaitingConversationsRoute(InboxesProperties inboxes, InboxRepository inboxRows, ConversationRepository conversations,
            AutoAssignment assignment, TransactionTemplate transaction,
            @Value("${omnihub.routing.sweep-interval:5s}") Duration interval) {
        this.inboxes = inboxes;
        this.inboxRows = inboxRows;
        this.conversations = conversations;
        this.assignment = assignment;
        this.transaction = transaction;
        this.interval = interval;
    }

    @Override
    public void configure() {
        from(timer("routing-sweep").fixedRate(false).delay(2000).period(interval.toMillis()))
                .routeId("routing-sweep")
                .routeConfigurationId(HubErrorPolicy.SCHEDULED)
                .process(exchange -> sweep());
    }

    void sweep() {
        inboxes.inboxes().forEach((key, settings) -> {
            if (settings.routing() != InboxSettings.Routing.MANUAL) {
                inboxRows.findByKey(key).filter(inbox -> inbox.getTeamId() != null)
                        .ifPresent(inbox -> offer(inbox, settings.routing()));
            }
        });
    }

    /** Offers the inbox's waiting conversations, oldest first, until one finds nobody with room. */
    private void offer(Inbox inbox, InboxSettings.Routing routing) {
        List<Long> waiting = conversations.waitingIn(inbox.getId(), BATCH);
        for (Long id : waiting) {
            Boolean assigned = transaction.execute(tx -> conversations.findById(id)
                    .map(c -> assignment.assign(c, inbox.getTeamId(), routing).isPresent()).orElse(false));
            if (!Boolean.TRUE.equals(assigned)) {
                return;
            }
        }
    }
}
