package io.omnihub.store.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A Message-ID or Outlook thread id seen on a conversation: how later replies find it. */
@Entity
@Table(name = "message_reference")
public class MessageReference {

    public enum Kind { MESSAGE_ID, THREAD_INDEX }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "inbox_id", nullable = false)
    private Long inboxId;
    @Column(name = "conversation_id", nullable = false)
    private Long conversationId;
    @Column(name = "customer_id", nullable = false)
    private Long customerId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;
    @Column(nullable = false)
    private String value;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected MessageReference() {
    }

    public MessageReference(Long inboxId, Long conversationId, Long customerId, Kind kind, String value,
            Instant createdAt) {
        this.inboxId = inboxId;
        this.conversationId = conversationId;
        this.customerId = customerId;
        this.kind = kind;
        this.value = value;
        this.createdAt = createdAt;
    }

    public Long getConversationId() {
        return conversationId;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public Kind getKind() {
        return kind;
    }

    public String getValue() {
        return value;
    }
}
