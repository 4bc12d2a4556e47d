package io.omnihub.store.integration;

import io.omnihub.store.conversation.Conversation;
import io.omnihub.store.customer.CustomerRepository;
import io.omnihub.store.events.BusinessRequestRaised;
import io.omnihub.store.interaction.Direction;
import io.omnihub.store.interaction.Interaction;
import io.omnihub.store.interaction.InteractionDraft;
import io.omnihub.store.interaction.InteractionKind;
import io.omnihub.store.interaction.Timeline;
import io.omnihub.store.outbox.OutboxWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests agents raise with the ERP/SCM (a return, an order inquiry): on the conversation's timeline,
 * and a {@code BusinessRequestRaised} event for the integration targets; the answer comes back as a
 * business event naming the request id.
 */
@Component
public class BusinessRequests {

    private final Timeline timeline;
    private final CustomerRepository customers;
    private final OutboxWriter outbox;
    private final Clock clock;

    BusinessRequests(Timeline timeline, CustomerRepository customers, OutboxWriter outbox, Clock clock) {
        this.timeline = timeline;
        this.customers = customers;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Raises the request; returns its interaction (its external id is the request id). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Interaction raise(Conversation conversation, String type, String reference, String note, String agent) {
        Instant now = clock.instant();
        String requestId = "request-" + UUID.randomUUID();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("type", type);
        metadata.put("requestId", requestId);
        if (reference != null) {
            metadata.put("reference", reference);
        }
        Interaction raised = timeline.record(new Interaction(new InteractionDraft(BusinessEventOutcomes.CHANNEL,
                Direction.OUTBOUND, InteractionKind.BUSINESS_EVENT, requestId, now, agent, type, note, null, List.of(),
                metadata),
                conversation.getId(), conversation.getCustomerId(), conversation.getInboxId(), now), null);
        String erpNumber = customers.findById(conversation.getCustomerId()).orElseThrow().getErpNumber();
        outbox.append(new BusinessRequestRaised(requestId, type, conversation.getId(), conversation.getCustomerId(),
                erpNumber, reference, note, agent));
        return raised;
    }
}
