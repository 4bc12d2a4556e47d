package io.omnihub.console.calls;

import io.omnihub.store.interaction.Interaction;
import io.omnihub.store.user.AppUserRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.security.Principal;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Calls", description = "Agents call customers from a conversation (click-to-call through Twilio)")
class CallController {

    /** The phone to ring first, in E.164; optional when the agent is listed under the inbox's voice agents. */
    record CallRequest(@Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "must be a phone number in E.164, e.g. "
            + "+14155550100") String agentPhone) {
    }

    record CallView(Long interactionId, Long conversationId, String to, String deliveryStatus, Instant occurredAt) {
    }

    private final CallService calls;
    private final AppUserRepository users;

    CallController(CallService calls, AppUserRepository users) {
        this.calls = calls;
        this.users = users;
    }

    @PostMapping(path = "/api/v1/conversations/{id}/calls")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Call the customer",
            description = "Twilio rings the agent's phone first (agentPhone, or the agent's number under the inbox's "
                    + "voice.agents) and, once they answer, the customer's, showing the inbox's number. The call is "
                    + "recorded on the conversation at once (deliveryStatus QUEUED, then SENT when Twilio accepted "
                    + "it); its outcome (callOutcome ANSWERED, MISSED, BUSY, FAILED) and duration follow as "
                    + "InteractionUpdated events.")
    CallView call(@PathVariable long id, @Valid @RequestBody(required = false) CallRequest request, Principal agent) {
        Interaction call = calls.call(id, request == null ? null : request.agentPhone(),
                users.findByUsername(agent.getName()).orElseThrow());
        return new CallView(call.getId(), call.getConversationId(), String.valueOf(call.getMetadata().get("to")),
                call.getDeliveryStatus(), call.getOccurredAt());
    }
}
