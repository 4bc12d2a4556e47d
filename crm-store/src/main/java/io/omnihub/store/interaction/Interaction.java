package io.omnihub.store.interaction;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One exchange with a customer on one channel: a mail, an SMS, a form post, a call, a note. */
@Entity
@Table(name = "interaction")
public class Interaction {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "conversation_id")
    private Long conversationId;

    @Column(name = "customer_id", nullable = false)
    private Long customerId;

    @Column(name = "inbox_id", nullable = false)
    private Long inboxId;

    @Column(nullable = false)
    private String channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Direction direction;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InteractionKind kind;

    /** The channel's own id (Message-ID, MessageSid, CallSid, submission id); unique per inbox. */
    @Column(name = "external_id", nullable = false)
    private String externalId;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    /** The sender's address as the channel gave it (normalized). */
    private String sender;

    @Column(name = "author_id")
    private Long authorId;

    private String subject;

    @Column(name = "body_text")
    private String bodyText;

    /** HTML already sanitized for display; raw HTML from outside is never stored here. */
    @Column(name = "body_html")
    private String bodyHtml;

    @Column(name = "delivery_status")
    private String deliveryStatus;

    @Column(name = "delivery_error")
    private String deliveryError;

    @Column(name = "delivery_attempts", nullable = false)
    private int deliveryAttempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    private List<String> flags = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    private Map<String, Object> metadata = new LinkedHashMap<>();

    protected Interaction() {
    }

    public Interaction(InteractionDraft draft, Long conversationId, Long customerId, Long inboxId, Instant recordedAt) {
        this.conversationId = conversationId;
        this.customerId = customerId;
        this.inboxId = inboxId;
        this.channel = draft.channel();
        this.direction = draft.direction();
        this.kind = draft.kind();
        this.externalId = draft.externalId();
        this.occurredAt = draft.occurredAt();
        this.recordedAt = recordedAt;
        this.sender = draft.sender();
        this.subject = draft.subject();
        this.bodyText = draft.text();
        this.bodyHtml = draft.sanitizedHtml();
        this.flags = new ArrayList<>(draft.flags());
        this.metadata = new LinkedHashMap<>(draft.metadata());
    }

    /** An agent wrote this (a reply); it waits to be sent. */
    public void authoredBy(Long userId, DeliveryStatus deliveryStatus) {
        this.authorId = userId;
        this.deliveryStatus = deliveryStatus == null ? null : deliveryStatus.name();
    }

    /** What delivery reported: e.g. SENT, or FAILED with the server's reason. */
    public void deliveryReported(DeliveryStatus status, String error) {
        this.deliveryStatus = status.name();
        this.deliveryError = error;
        if (status != DeliveryStatus.QUEUED) {
            this.nextAttemptAt = null;
        }
    }

    /** Adds channel facts learnt after recording (e.g. the Message-ID a reply was sent with). */
    /** A send failed for now: it stays QUEUED and is tried again at {@code next}, with the reason shown. */
    public void deliveryDeferred(String reason, Instant next) {
        this.deliveryAttempts++;
        this.deliveryError = reason;
        this.nextAttemptAt = next;
    }

    /** An agent asked to send a FAILED message again: QUEUED afresh, attempts counted from zero. */
    public void deliveryRequeued() {
        this.deliveryStatus = DeliveryStatus.QUEUED.name();
        this.deliveryError = null;
        this.deliveryAttempts = 0;
        this.nextAttemptAt = null;
    }

    /** The sweep put it on its queue again; until then (or a failure), it is not due once more. */
    public void deliveryClaimedUntil(Instant until) {
        this.nextAttemptAt = until;
    }

    public int getDeliveryAttempts() {
        return deliveryAttempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public void addMetadata(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(metadata);
        copy.put(key, value);
        this.metadata = copy;
    }

    /** The words of a call, once transcribed: its text, searchable like any message's. */
    public void transcribed(String text) {
        this.bodyText = text;
    }

    public Long getId() {
        return id;
    }

    public Long getConversationId() {
        return conversationId;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public Long getInboxId() {
        return inboxId;
    }

    public String getChannel() {
        return channel;
    }

    public Direction getDirection() {
        return direction;
    }

    public InteractionKind getKind() {
        return kind;
    }

    public String getExternalId() {
        return externalId;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getSender() {
        return sender;
    }

    public Long getAuthorId() {
        return authorId;
    }

    public String getSubject() {
        return subject;
    }

    public String getBodyText() {
        return bodyText;
    }

    public String getBodyHtml() {
        return bodyHtml;
    }

    /** The delivery status as stored (for views and JSON); {@link #delivery()} for decisions. */
    public String getDeliveryStatus() {
        return deliveryStatus;
    }

    /** What became of a message we send, or null for one we do not (a customer's message, a note). */
    public DeliveryStatus delivery() {
        return DeliveryStatus.of(deliveryStatus);
    }

    public String getDeliveryError() {
        return deliveryError;
    }

    public List<String> getFlags() {
        return List.copyOf(flags);
    }

    public Map<String, Object> getMetadata() {
        return Map.copyOf(metadata);
    }
}
