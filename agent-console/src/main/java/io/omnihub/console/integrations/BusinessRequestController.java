package io.omnihub.console.integrations;

import io.omnihub.store.conversation.Conversation;
import io.omnihub.store.conversation.ConversationRepository;
import io.omnihub.store.integration.BusinessRequests;
import io.omnihub.store.interaction.Interaction;
import io.omnihub.store.user.AppUserRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@Tag(name = "Business requests", description = "Agents ask the ERP/SCM about a customer's orders and returns")
class BusinessRequestController {

    /** What the agent asks. */
    enum RequestType {
        RETURN("return.requested"), ORDER_INQUIRY("order.inquiry");

        final String eventType;

        RequestType(String eventType) {
            this.eventType = eventType;
        }
    }

    record RequestBodyView(@NotNull RequestType type, @Size(max = 200) String reference,
            @Size(max = 4000) String note) {
    }

    record RequestView(String requestId, String type, Long interactionId, Long conversationId, String reference,
            Instant raisedAt) {
    }

    private final ConversationRepository conversations;
    private final AppUserRepository users;
    private final BusinessRequests requests;

    BusinessRequestController(ConversationRepository conversations, AppUserRepository users,
            BusinessRequests requests) {
        this.conversations = conversations;
        this.users = users;
        this.requests = requests;
    }

    @PostMapping("/api/v1/conversations/{id}/business-requests")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Transactional
    @Operation(summary = "Raise a return request or an order inquiry",
            description = "Recorded on the conversation and sent as a BusinessRequestRaised event to the integration "
                    + "targets that take it. The ERP/SCM answers with a business event whose inReplyTo is the "
                    + "requestId; the answer lands on this conversation.")
    RequestView raise(@PathVariable long id, @Valid @RequestBody RequestBodyView request, Principal principal) {
        Conversation conversation = conversations.findById(id).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "there is no conversation " + id));
        String agent = users.findByUsername(principal.getName()).orElseThrow().getUsername();
        String type = request.type().eventType;
        Interaction raised = requests.raise(conversation, type, request.reference(), request.note(), agent);
        String requestId = raised.getExternalId();
        Instant now = raised.getOccurredAt();
        return new RequestView(requestId, type, raised.getId(), conversation.getId(), request.reference(), now);
    }
}
