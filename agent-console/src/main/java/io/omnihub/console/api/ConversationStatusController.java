package io.omnihub.console.api;

import io.omnihub.store.conversation.Conversation;
import io.omnihub.store.conversation.ConversationRepository;
import io.omnihub.store.conversation.ConversationStatus;
import io.omnihub.store.events.ConversationResolved;
import io.omnihub.store.events.ConversationStatusChanged;
import io.omnihub.store.inbox.InboxRepository;
import io.omnihub.store.outbox.OutboxWriter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Conversations")
class ConversationStatusController {

    record StatusChange(@NotNull ConversationStatus status) {
    }

    record StatusView(Long conversationId, String status, Instant resolvedAt, boolean changed) {
    }

    private final ConversationRepository conversations;
    private final InboxRepository inboxes;
    private final OutboxWriter outbox;
    private final Clock clock;

    ConversationStatusController(ConversationRepository conversations, InboxRepository inboxes, OutboxWriter outbox,
            Clock clock) {
        this.conversations = conversations;
        this.inboxes = inboxes;
        this.outbox = outbox;
        this.clock = clock;
    }

    @PatchMapping("/api/v1/conversations/{id}")
    @Transactional
    @Operation(summary = "Change a conversation's status", description = "Body {\"status\": \"RESOLVED\"} (or OPEN, "
            + "PENDING). Emits ConversationStatusChanged, and ConversationResolved when resolved; setting the status it "
            + "has changes nothing (changed: false). A customer writing again opens a resolved conversation by itself.")
    StatusView change(@PathVariable long id, @Valid @RequestBody StatusChange request, Principal agent) {
        Conversation conversation = conversations.findById(id)
                .orElseThrow(() -> new NotFoundException("there is no conversation " + id));
        ConversationStatus from = conversation.getStatus();
        boolean changed = conversation.changeStatus(request.status(), clock.instant());
        if (changed) {
            outbox.append(new ConversationStatusChanged(id, conversation.getCustomerId(), from.name(),
                    request.status().name(), agent.getName()));
            if (request.status() == ConversationStatus.RESOLVED) {
                outbox.append(new ConversationResolved(id, conversation.getCustomerId(),
                        inboxes.findById(conversation.getInboxId()).orElseThrow().getKey(), conversation.getChannel(),
                        agent.getName()));
            }
        }
        return new StatusView(id, conversation.getStatus().name(), conversation.getResolvedAt(), changed);
    }
}
