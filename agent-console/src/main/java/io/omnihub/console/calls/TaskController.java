package io.omnihub.console.calls;

import io.omnihub.console.api.NotFoundException;
import io.omnihub.store.task.ConversationTask;
import io.omnihub.store.task.ConversationTaskRepository;
import io.omnihub.store.user.AppUserRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Tasks", description = "Work agents owe a conversation, such as calling back a caller nobody answered")
class TaskController {

    record TaskView(Long id, Long conversationId, Long interactionId, String kind, String status, String title,
            Instant createdAt, Instant doneAt, Long doneBy, String doneNote) {

        static TaskView of(ConversationTask task) {
            return new TaskView(task.getId(), task.getConversationId(), task.getInteractionId(), task.getKind(),
                    task.getStatus(), task.getTitle(), task.getCreatedAt(), task.getDoneAt(), task.getDoneBy(),
                    task.getDoneNote());
        }
    }

    record DoneRequest(@Size(max = 2000) String note) {
    }

    private final ConversationTaskRepository tasks;
    private final AppUserRepository users;
    private final Clock clock;

    TaskController(ConversationTaskRepository tasks, AppUserRepository users, Clock clock) {
        this.tasks = tasks;
        this.users = users;
        this.clock = clock;
    }

    @GetMapping("/api/v1/conversations/{id}/tasks")
    @Operation(summary = "A conversation's tasks", description = "Open and done, oldest first. A missed incoming "
            + "call opens a CALLBACK task; it closes itself if the call turns out to have been answered.")
    @Transactional(readOnly = true)
    List<TaskView> ofConversation(@PathVariable long id) {
        return tasks.findByConversationIdOrderByCreatedAtAscIdAsc(id).stream().map(TaskView::of).toList();
    }

    @PostMapping("/api/v1/tasks/{id}/done")
    @Transactional
    @Operation(summary = "Mark a task done", description = "With an optional note (e.g. what the customer said "
            + "when called back). A task done already stays as it was.")
    TaskView done(@PathVariable long id, @RequestBody(required = false) DoneRequest request, Principal agent) {
        ConversationTask task = tasks.findById(id).orElseThrow(() -> new NotFoundException("there is no task " + id));
        task.done(users.findByUsername(agent.getName()).orElseThrow().getId(),
                request == null ? null : request.note(), clock.instant());
        return TaskView.of(task);
    }
}
