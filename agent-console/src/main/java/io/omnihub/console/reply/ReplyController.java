package io.omnihub.console.reply;

import io.omnihub.store.interaction.Interaction;
import io.omnihub.store.user.AppUserRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Replies", description = "Agents answer customers on the conversation's channel")
class ReplyController {

    /** What the agent wrote, as plain text (the mail carries it as text and as simple HTML). */
    record ReplyRequest(@NotBlank @Size(max = 100_000) String text) {
    }

    record ReplyView(Long interactionId, Long conversationId, String subject, String deliveryStatus,
            Instant occurredAt) {
    }

    private final ReplyService replies;
    private final AppUserRepository users;

    ReplyController(ReplyService replies, AppUserRepository users) {
        this.replies = replies;
        this.users = users;
    }

    @PostMapping("/api/v1/conversations/{id}/replies")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Reply to the customer",
            description = "Records the reply on the conversation (deliveryStatus QUEUED) and queues it for the "
                    + "channel's sender; the timeline and the event stream show SENT or FAILED (with the "
                    + "server's reason) once delivery is known. Email only, for now.")
    ReplyView reply(@PathVariable long id, @Valid @RequestBody ReplyRequest request, Principal agent) {
        var author = users.findByUsername(agent.getName()).orElseThrow();
        Interaction reply = replies.reply(id, request.text(), author);
        return new ReplyView(reply.getId(), reply.getConversationId(), reply.getSubject(), reply.getDeliveryStatus(),
                reply.getOccurredAt());
    }
}
