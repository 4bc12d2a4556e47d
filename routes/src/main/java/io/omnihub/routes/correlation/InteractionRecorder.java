package io.omnihub.routes.correlation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnihub.connectors.bus.AttachmentRef;
import io.omnihub.connectors.bus.InboundInteraction;
import io.omnihub.connectors.bus.InteractionFlag;
import io.omnihub.routes.inbox.InboxCatalog;
import io.omnihub.store.conversation.Conversation;
import io.omnihub.store.conversation.ConversationRepository;
import io.omnihub.store.held.HeldItems;
import io.omnihub.store.inbox.Inbox;
import io.omnihub.store.interaction.Attachment;
import io.omnihub.store.interaction.AttachmentRepository;
import io.omnihub.store.interaction.Direction;
import io.omnihub.store.interaction.Interaction;
import io.omnihub.store.interaction.InteractionDraft;
import io.omnihub.store.interaction.InteractionKind;
import io.omnihub.store.interaction.InteractionRepository;
import io.omnihub.store.interaction.Timeline;
import io.omnihub.store.quarantine.QuarantineRepository;
import io.omnihub.store.quarantine.QuarantinedSubmission;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records one inbound interaction in one database transaction: checks it, finds or creates the
 * customer, finds or opens the conversation, stores the interaction and its attachments, and writes
 * the events to the outbox; then tells {@link InteractionStored} listeners (SLA, assignment,
 * acknowledgement, media, consent), which add what follows in the same transaction. Recording the
 * same interaction again changes nothing.
 */
@Service
public class InteractionRecorder {

    private static final Logger log = LoggerFactory.getLogger(InteractionRecorder.class);

    private final InboxCatalog inboxes;
    private final CustomerIdentity identity;
    private final ConversationThreader threader;
    private final ConversationRepository conversations;
    private final InteractionRepository interactions;
    private final AttachmentRepository attachments;
    private final QuarantineRepository quarantine;
    private final DeliveryReports bounces;
    private final Timeline timeline;
    private final ApplicationEventPublisher followers;
    private final HeldItems heldItems;
    private final HtmlSanitizer sanitizer;
    private final ObjectMapper json;
    private final Clock clock;

    InteractionRecorder(InboxCatalog inboxes, CustomerIdentity identity, ConversationThreader threader,
            ConversationRepository conversations, InteractionRepository interactions, AttachmentRepository attachments,
            QuarantineRepository quarantine, DeliveryReports bounces, Timeline timeline, HeldItems heldItems,
            ApplicationEventPublisher followers,
            HtmlSanitizer sanitizer, ObjectMapper json,
            Clock clock) {
        this.inboxes = inboxes;
        this.identity = identity;
        this.threader = threader;
        this.conversations = conversations;
        this.interactions = interactions;
        this.attachments = attachments;
        this.quarantine = quarantine;
        this.bounces = bounces;
        this.timeline = timeline;
        this.followers = followers;
        this.heldItems = heldItems;
        this.sanitizer = sanitizer;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public RecordingOutcome record(InboundInteraction in) {
        return record(in, null, null);
    }

    /**
     * Records an interaction; for a held item an agent sent back, also writes its outcome on the item.
     *
     * @param heldItemId        the held item this message was retried from, or null
     * @param attachToCustomer  the customer an agent attached a held interaction to (its sender
     *                          addresses are not used to find one), or null
     */
    @Transactional
    public RecordingOutcome record(InboundInteraction received, Long heldItemId, Long attachToCustomer) {
        RecordingOutcome outcome = recordStorable(StorableInteraction.of(received), attachToCustomer);
        if (heldItemId != null) {
            heldItems.recorded(heldItemId, outcome.interactionId());
        }
        return outcome;
    }

    private RecordingOutcome recordStorable(InboundInteraction in, Long attachToCustomer) {
        InboundInteractionCheck.requireRecordable(in, attachToCustomer != null);
        Inbox inbox = inboxes.require(in.inbox());
        if (in.flagged(InteractionFlag.SPAM)) {
            return quarantine(in, inbox, "spam: honeypot field filled");
        }
        if (in.flagged(InteractionFlag.BOUNCE)) {
            // a delivery report is kept out of the inbox, opening no conversation
            return quarantine(in, inbox, "bounce: " + bounces.apply(in));
        }
        Interaction earlier = interactions.findByInboxIdAndChannelAndExternalId(inbox.getId(), in.channel(),
                in.externalId()).orElse(null);
        if (earlier != null) {
            if (!saysSomethingElse(in, earlier)) {
                log.debug("interaction {} already recorded", in.duplicateId());
                return RecordingOutcome.duplicate();
            }
            in = in.reidentified(in.externalId() + "#" + in.fingerprint(), InteractionFlag.ID_REUSED,
                    Map.of("idReusedFrom", earlier.getId()));
            if (interactions.existsByInboxIdAndChannelAndExternalId(inbox.getId(), in.channel(), in.externalId())) {
                return RecordingOutcome.duplicate();
            }
            log.info("an interaction reuses the id of interaction {} with other content: recorded on its own",
                    earlier.getId());
        }
        IdentityResolution who = attachToCustomer != null
                ? identity.attach(attachToCustomer, in.from(), in.channel() + ":" + in.inbox())
                : identity.resolve(in.from(), in.channel() + ":" + in.inbox());
        ThreadDecision thread = threader.decide(in, inbox, who.customer());
        Conversation conversation = thread.opensConversation()
                ? conversations.save(new Conversation(who.customer().getId(), inbox.getId(), in.channel(), in.subject(),
                        thread.threadKey(), thread.rule(), in.occurredAt()))
                : thread.existing();
        if (thread.previous() != null) {
            conversation.continues(thread.previous());
        }
        threader.remember(in, conversation);

        if (who.created()) {
            timeline.customerCreated(who.customer().getId(), in.channel());
        }
        if (thread.opensConversation()) {
            timeline.conversationOpened(conversation.getId(), who.customer().getId(), in.inbox(), in.channel());
        }
        Interaction interaction = timeline.record(new Interaction(draft(in, who, thread), conversation.getId(),
                who.customer().getId(), inbox.getId(), clock.instant()), in.inbox());
        for (AttachmentRef a : in.attachments()) {
            attachments.save(new Attachment(interaction.getId(), a.fileName(), a.contentType(), a.sizeBytes(),
                    a.sha256(), a.contentId(), clock.instant()));
        }
        if (interaction.getDirection() == Direction.INBOUND) {
            conversation.customerInteracted(in.occurredAt(), thread.rule());
        } else {
            conversation.agentInteracted(in.occurredAt());
        }

        followers.publishEvent(new InteractionStored(in, inbox, conversation, interaction, thread.opensConversation()));
        if (thread.claimed() != null) {
            log.warn("interaction {} claimed conversation {} of another customer; opened conversation {} for its "
                    + "sender instead ({})", interaction.getId(), thread.claimed(), conversation.getId(), thread.rule());
        }
        log.info("interaction {} recorded in conversation {} of customer {} ({})", interaction.getId(),
                conversation.getId(), who.customer().getId(), thread.rule());
        return new RecordingOutcome(RecordingOutcome.Result.RECORDED, interaction.getId(), conversation.getId(),
                who.customer().getId());
    }

    /** Another interaction with the same id: a redelivery says the same, a reused id says something else. */
    private static boolean saysSomethingElse(InboundInteraction in, Interaction earlier) {
        Object recorded = earlier.getMetadata().get(InboundInteraction.FINGERPRINT);
        return in.fingerprint() != null && recorded instanceof String fingerprint
                && !fingerprint.equals(in.fingerprint());
    }

    private InteractionDraft draft(InboundInteraction in, IdentityResolution who, ThreadDecision thread) {
        Map<String, Object> metadata = new LinkedHashMap<>(in.metadata());
        if (!who.conflictingCustomers().isEmpty()) {
            metadata.put("identityConflicts", who.conflictingCustomers());
        }
        java.util.Set<String> flagged = new java.util.TreeSet<>(in.flags().stream().map(Enum::name).toList());
        if (thread.claimed() != null) {
            metadata.put("claimedConversation", thread.claimed());
            flagged.add(InteractionFlag.CLAIMED_OTHER_THREAD.name());
        }
        List<String> flags = List.copyOf(flagged);
        return new InteractionDraft(in.channel(), Direction.valueOf(in.direction()),
                InteractionKind.valueOf(in.kind()), in.externalId(), in.occurredAt(),
                in.from() == null || in.from().primary() == null ? null : in.from().primary().value(),
                in.subject(), in.text(), sanitizer.sanitize(in.html()), flags, metadata);
    }

    private RecordingOutcome quarantine(InboundInteraction in, Inbox inbox, String reason) {
        if (quarantine.existsByInboxIdAndChannelAndExternalId(inbox.getId(), in.channel(), in.externalId())) {
            return RecordingOutcome.duplicate();
        }
        try {
            quarantine.save(new QuarantinedSubmission(inbox.getId(), in.channel(), in.externalId(), reason,
                    json.writeValueAsString(in), clock.instant()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot keep submission " + in.duplicateId(), e);
        }
        log.info("submission {} quarantined: {}", in.duplicateId(), reason);
        return RecordingOutcome.quarantined();
    }
}
