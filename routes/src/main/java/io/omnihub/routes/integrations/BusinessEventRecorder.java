package io.omnihub.routes.integrations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnihub.connectors.integrations.BusinessEvent;
import io.omnihub.connectors.integrations.BusinessEvent.Outcome;
import io.omnihub.connectors.integrations.BusinessEvent.Status;
import io.omnihub.store.conversation.ConversationRepository;
import io.omnihub.store.customer.ContactPoint;
import io.omnihub.store.customer.ContactPointNormalizer;
import io.omnihub.store.customer.ContactPointRepository;
import io.omnihub.store.customer.ContactPointType;
import io.omnihub.store.customer.Customer;
import io.omnihub.store.customer.CustomerRepository;
import io.omnihub.store.inbox.Inbox;
import io.omnihub.store.inbox.InboxRepository;
import io.omnihub.store.interaction.Direction;
import io.omnihub.store.interaction.Interaction;
import io.omnihub.store.interaction.InteractionDraft;
import io.omnihub.store.interaction.InteractionKind;
import io.omnihub.store.interaction.InteractionRepository;
import io.omnihub.store.interaction.Timeline;
import io.omnihub.store.held.HeldItems;
import io.omnihub.store.integration.BusinessEventOutcomes;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records each business event from {@code hub.inbound-business} (route {@code business-event-record}): the customer is found by ERP number, else by email or
 * phone (never created from an event); the event becomes a {@code BUSINESS_EVENT} interaction in the
 * {@code business-events} inbox, outside any conversation, with an {@code InteractionRecorded} event.
 * An answer to an agent's request ({@code inReplyTo}) joins that request's conversation. An event
 * naming no known customer or request is kept in {@code business_event_unmatched} and reported.
 */
@Component
class BusinessEventRecorder {

    static final String INBOX = BusinessEventOutcomes.INBOX;
    static final String CHANNEL = BusinessEventOutcomes.CHANNEL;
    private static final Logger log = LoggerFactory.getLogger(BusinessEventRecorder.class);

    private final CustomerRepository customers;
    private final ConversationRepository conversations;
    private final ContactPointRepository contactPoints;
    private final ContactPointNormalizer normalizer;
    private final InboxRepository inboxes;
    private final InteractionRepository interactions;
    private final Timeline timeline;
    private final BusinessEventOutcomes outcomes;
    private final HeldItems heldItems;
    private final ObjectMapper json;
    private final Clock clock;

    BusinessEventRecorder(CustomerRepository customers, ConversationRepository conversations,
            ContactPointRepository contactPoints,
            ContactPointNormalizer normalizer, InboxRepository inboxes, InteractionRepository interactions,
            Timeline timeline, BusinessEventOutcomes outcomes, HeldItems heldItems, ObjectMapper json, Clock clock) {
        this.customers = customers;
        this.conversations = conversations;
        this.contactPoints = contactPoints;
        this.normalizer = normalizer;
        this.inboxes = inboxes;
        this.interactions = interactions;
        this.timeline = timeline;
        this.outcomes = outcomes;
        this.heldItems = heldItems;
        this.json = json;
        this.clock = clock;
    }

    /** Records the event; for a held event an agent sent back, also writes its outcome on the item. */
    @Transactional
    public Outcome record(BusinessEvent event, Long heldItemId) {
        Outcome outcome = record(event);
        if (heldItemId != null) {
            heldItems.recorded(heldItemId, outcome.interactionId());
        }
        return outcome;
    }

    private Outcome record(BusinessEvent event) {
        Inbox inbox = inboxes.findByKey(INBOX).orElseThrow();
        String externalId = event.source() + ":" + event.id();
        if (interactions.existsByInboxIdAndChannelAndExternalId(inbox.getId(), CHANNEL, externalId)) {
            return new Outcome(event.id(), Status.DUPLICATE, null, null, null);
        }
        Optional<Interaction> request = Optional.ofNullable(event.inReplyTo())
                .flatMap(interactions::findBusinessRequest);
        if (event.inReplyTo() != null && request.isEmpty()) {
            return unmatched(event, Status.UNKNOWN_REQUEST, "no request " + event.inReplyTo() + " was raised here");
        }
        Optional<Customer> customer = request.isPresent() ? customers.findById(request.get().getCustomerId())
                : find(event.customer());
        if (customer.isEmpty()) {
            return unmatched(event, Status.UNKNOWN_CUSTOMER, "no customer with " + event.customer());
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("type", event.type());
        metadata.put("source", event.source());
        if (event.reference() != null) {
            metadata.put("reference", event.reference());
        }
        metadata.put("data", event.data());
        Long customerId = customer.get().getId();
        // an answer to an agent's request joins the request's conversation, waiting for the agent
        Long conversationId = request.map(Interaction::getConversationId).orElse(null);
        if (request.isPresent()) {
            metadata.put("inReplyTo", event.inReplyTo());
            conversations.findById(conversationId).ifPresent(c -> c.customerInteracted(clock.instant(),
                    "business-request-answered"));
        }
        Interaction interaction = timeline.record(new Interaction(new InteractionDraft(CHANNEL, Direction.INBOUND,
                InteractionKind.BUSINESS_EVENT, externalId, event.occurredAt(), event.source(), event.type(),
                event.summary(), null, List.of(), metadata), conversationId, customerId, inbox.getId(),
                clock.instant()), INBOX);
        return new Outcome(event.id(), Status.RECORDED, interaction.getId(), customerId, null);
    }

    private Outcome unmatched(BusinessEvent event, Status status, String reason) {
        outcomes.unmatched(event.source(), event.id(), String.valueOf(event.customer()), status.name(), reason,
                write(event));
        log.info("business event {} from {} kept as unmatched: {}", event.id(), event.source(), reason);
        return new Outcome(event.id(), status, null, null, reason);
    }

    private Optional<Customer> find(BusinessEvent.CustomerRef ref) {
        if (ref.erpNumber() != null) {
            return customers.findByErpNumber(ref.erpNumber());
        }
        try {
            ContactPointType type = ref.email() != null ? ContactPointType.EMAIL : ContactPointType.PHONE;
            String value = ref.email() != null ? normalizer.email(ref.email()) : normalizer.phone(ref.phone());
            return contactPoints.findByTypeAndValue(type, value).map(ContactPoint::getCustomerId)
                    .flatMap(customers::findById);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String write(BusinessEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot keep business event " + event.id(), e);
        }
    }
}
