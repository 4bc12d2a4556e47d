package io.omnihub.console.calls;

import io.omnihub.store.interaction.DeliveryStatus;
import io.omnihub.console.outbound.OutboundQueue;
import io.omnihub.store.conversation.Conversation;
import io.omnihub.store.conversation.ConversationRepository;
import io.omnihub.store.customer.ContactPointRepository;
import io.omnihub.store.customer.ContactPointType;
import io.omnihub.store.inbox.InboxRepository;
import io.omnihub.store.interaction.Direction;
import io.omnihub.store.interaction.Interaction;
import io.omnihub.store.interaction.InteractionDraft;
import io.omnihub.store.interaction.InteractionKind;
import io.omnihub.store.interaction.InteractionRepository;
import io.omnihub.store.interaction.Timeline;
import io.omnihub.store.user.AppUser;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Click-to-call: an agent calls the conversation's customer. The call is recorded on the
 * conversation at once (QUEUED) and put on {@code hub.outbound.voice}; the sender has Twilio ring
 * the agent's phone first and bridge them to the customer, and the call's callbacks fill in how it
 * went, as for incoming calls.
 */
@Service
public class CallService {

    private final ConversationRepository conversations;
    private final InboxRepository inboxes;
    private final InteractionRepository interactions;
    private final ContactPointRepository contactPoints;
    private final Timeline timeline;
    private final OutboundQueue outboundQueue;
    private final Clock clock;

    CallService(ConversationRepository conversations, InboxRepository inboxes, InteractionRepository interactions,
            ContactPointRepository contactPoints, Timeline timeline, OutboundQueue outboundQueue, Clock clock) {
        this.conversations = conversations;
        this.inboxes = inboxes;
        this.interactions = interactions;
        this.contactPoints = contactPoints;
        this.timeline = timeline;
        this.outboundQueue = outboundQueue;
        this.clock = clock;
    }

    /**
     * @param agentPhone the phone to ring first; without it, the agent's number listed under the
     *                   inbox's {@code voice.agents}
     */
    @Transactional
    public Interaction call(long conversationId, String agentPhone, AppUser agent) {
        Conversation conversation = conversations.findById(conversationId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "there is no conversation " + conversationId));
        String inboxChannel = inboxes.findById(conversation.getInboxId()).orElseThrow().getChannel();
        if (!"sms".equals(inboxChannel)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "calls go out through a Twilio inbox; this "
                    + "conversation is in a " + inboxChannel + " inbox");
        }
        String customerPhone = customerPhone(conversation).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.CONFLICT, "the customer has no phone number to call"));
        Instant now = clock.instant();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("to", customerPhone);
        metadata.put("agent", agent.getUsername());
        if (agentPhone != null && !agentPhone.isBlank()) {
            metadata.put("agentPhone", agentPhone.strip());
        }
        Interaction call = new Interaction(new InteractionDraft("voice", Direction.OUTBOUND, InteractionKind.CALL,
                "call-" + UUID.randomUUID(), now, agent.getUsername(), null, "", null, List.of(), metadata),
                conversation.getId(), conversation.getCustomerId(), conversation.getInboxId(), now);
        call.authoredBy(agent.getId(), DeliveryStatus.QUEUED);
        call = timeline.record(call, null);
        conversation.agentInteracted(now);
        outboundQueue.enqueue("voice", call.getId());
        return call;
    }

    /** The number the customer last reached us from in this conversation, else their first phone on file. */
    private Optional<String> customerPhone(Conversation conversation) {
        Optional<String> recent = interactions.findByConversationIdOrderByOccurredAtAscIdAsc(conversation.getId())
                .stream()
                .filter(i -> i.getDirection() == Direction.INBOUND && i.getSender() != null
                        && i.getSender().startsWith("+"))
                .max(Comparator.comparing(Interaction::getOccurredAt)).map(Interaction::getSender);
        return recent.or(() -> contactPoints.findByCustomerIdOrderByIdAsc(conversation.getCustomerId()).stream()
                .filter(cp -> cp.getType() == ContactPointType.PHONE).map(cp -> cp.getValue()).findFirst());
    }
}
