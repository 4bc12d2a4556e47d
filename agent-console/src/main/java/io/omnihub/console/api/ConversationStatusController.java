package io.omnihub.console.api;

import io.omnihub.store.conversation.ConversationRepository;
import io.omnihub.store.conversation.ConversationService;
import io.omnihub.store.conversation.ConversationStatus;
import io.omnihub.store.conversation.Priority;
import io.omnihub.store.interaction.Interaction;
import io.omnihub.store.user.AppUserRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@Tag(name = "Conversations")
class ConversationStatusController {

    /** Either or both. */
    record Change(ConversationStatus status, Priority priority) {
    }

    record StatusView(Long conversationId, String status, String priority, Instant resolvedAt, boolean changed) {
    }

    /** {@code assignee}: a user name, {@code me}, or null (nobody); or {@code team}: a team to transfer to. */
    record Assignment(String assignee, String team) {
    }

    record AssignmentView(Long conversationId, Long assigneeId, Long teamId) {
    }

    record Note(@NotBlank String text) {
    }

    record NoteView(Long interactionId, Long conversationId, Instant occurredAt) {
    }

    private final ConversationService actions;
    private final ConversationRepository conversations;
    private final AppUserRepository users;
    private final io.omnihub.console.security.InboxAccess access;

    ConversationStatusController(ConversationService actions, ConversationRepository conversations,
            AppUserRepository users, io.omnihub.console.security.InboxAccess access) {
        this.actions = actions;
        this.conversations = conversations;
        this.users = users;
        this.access = access;
    }

    @PatchMapping("/api/v1/conversations/{id}")
    @Transactional
    @Operation(summary = "Change a conversation's status and/or priority", description = "Body {\"status\": "
            + "\"RESOLVED\"} (or OPEN, PENDING) and/or {\"priority\": \"HIGH\"} (LOW, NORMAL, HIGH, URGENT). Emits "
            + "ConversationStatusChanged (and ConversationResolved when resolved) and ConversationPriorityChanged; "
            + "setting what it has changes nothing (changed: false). A customer writing again opens a resolved "
            + "conversation by itself.")
    StatusView change(@PathVariable long id, @RequestBody Change request, Principal agent) {
        if (request.status() == null && request.priority() == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "give a status and/or a priority");
        }
        boolean changed = false;
        if (request.status() != null) {
            changed |= actions.changeStatus(id, request.status(), agent.getName());
        }
        if (request.priority() != null) {
            changed |= actions.changePriority(id, request.priority(), agent.getName());
        }
        var conversation = conversations.findById(id).orElseThrow();
        return new StatusView(id, conversation.getStatus().name(), conversation.getPriority().name(),
                conversation.getResolvedAt(), changed);
    }

    @PostMapping("/api/v1/conversations/{id}/assignment")
    @Operation(summary = "Assign, claim, unassign or transfer", description = "{\"assignee\": \"me\"} claims it, "
            + "{\"assignee\": \"maria\"} gives it to Maria, {\"assignee\": null} puts it back in its team's list, "
            + "{\"team\": \"billing\"} transfers it to another team's list. Emits ConversationAssigned.")
    AssignmentView assign(@PathVariable long id, @RequestBody Assignment request, Principal agent) {
        var conversation = request.team() != null && !request.team().isBlank()
                ? actions.transfer(id, request.team(), agent.getName())
                : actions.assign(id, "me".equals(request.assignee()) ? agent.getName() : request.assignee(),
                        agent.getName());
        return new AssignmentView(id, conversation.getAssigneeId(), conversation.getTeamId());
    }

    record TagSet(@jakarta.validation.constraints.NotNull List<String> tags) {
    }

    @org.springframework.web.bind.annotation.PutMapping("/api/v1/conversations/{id}/tags")
    @Operation(summary = "Set the conversation's tags", description = "The whole set, e.g. {\"tags\": [\"refund\", "
            + "\"vip\"]}: at most 20, each 1 to 40 letters, digits, '-' or '_' (lower-cased, spaces become '-'). "
            + "Emits ConversationTagged when they change. The list filters on one: ?tag=refund.")
    TagSet tags(@PathVariable long id, @jakarta.validation.Valid @RequestBody TagSet request, Principal agent) {
        return new TagSet(actions.retag(id, request.tags(), agent.getName()));
    }

    record MergeRequest(@jakarta.validation.constraints.NotNull Long merge) {
    }

    record MergeView(long conversationId, long mergedId, int interactionsMoved) {
    }

    @PostMapping("/api/v1/conversations/{id}/merge")
    @Operation(summary = "Merge another conversation of the same customer into this one",
            description = "Body {\"merge\": <other conversation id>}. Its interactions, tasks and thread references move "
                    + "here; it is resolved and keeps a pointer here (mergedIntoId). Audited; ConversationsMerged. "
                    + "409 for different customers, a conversation merged already, or one brought over by a customer "
                    + "merge not undone while the other was not.")
    MergeView merge(@PathVariable long id, @jakarta.validation.Valid @RequestBody MergeRequest request, Principal agent) {
        access.require(request.merge(), agent);
        return new MergeView(id, request.merge(), actions.merge(id, request.merge(), agent.getName()));
    }

    @PostMapping("/api/v1/conversations/{id}/notes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an internal note", description = "Shown to agents in the conversation (kind NOTE); "
            + "never sent to the customer.")
    NoteView note(@PathVariable long id, @RequestBody Note request, Principal agent) {
        Interaction note = actions.note(id, request.text(), users.findByUsername(agent.getName()).orElseThrow());
        return new NoteView(note.getId(), id, note.getOccurredAt());
    }
}
