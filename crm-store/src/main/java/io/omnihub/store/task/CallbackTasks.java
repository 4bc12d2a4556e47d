package io.omnihub.store.task;

import io.omnihub.store.events.TaskOpened;
import io.omnihub.store.interaction.Interaction;
import io.omnihub.store.outbox.OutboxWriter;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** The callback task of a call nobody answered: one per call, in the call's conversation. */
@Component
public class CallbackTasks {

    private final ConversationTaskRepository tasks;
    private final OutboxWriter outbox;
    private final Clock clock;

    CallbackTasks(ConversationTaskRepository tasks, OutboxWriter outbox, Clock clock) {
        this.tasks = tasks;
        this.outbox = outbox;
        this.clock = clock;
    }

    public void openFor(Interaction call) {
        if (Boolean.TRUE.equals(call.getMetadata().get("callerIdWithheld"))) {
            return;   // the caller withheld their number: there is nobody to call back
        }
        String kind = ConversationTask.Kind.CALLBACK.name();
        if (tasks.findByInteractionIdAndKind(call.getId(), kind).isPresent()) {
            return;
        }
        ConversationTask task = tasks.save(new ConversationTask(call.getConversationId(), call.getCustomerId(),
                call.getId(), ConversationTask.Kind.CALLBACK, "Call back " + call.getSender(), clock.instant()));
        outbox.append(new TaskOpened(task.getId(), task.getConversationId(), task.getCustomerId(), kind,
                task.getTitle()));
    }

    public void closeFor(Interaction call, String note) {
        tasks.findByInteractionIdAndKind(call.getId(), ConversationTask.Kind.CALLBACK.name())
                .ifPresent(task -> task.done(null, note, clock.instant()));
    }
}
