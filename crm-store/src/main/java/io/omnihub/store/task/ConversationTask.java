package io.omnihub.store.task;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Work an agent owes a conversation, such as calling back a caller nobody answered. */
@Entity
@Table(name = "conversation_task")
public class ConversationTask {

    /** What kind of work. */
    public enum Kind { CALLBACK }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "conversation_id", nullable = false)
    private Long conversationId;

    @Column(name = "customer_id", nullable = false)
    private Long customerId;

    /** The interaction that gave rise to it (the missed call). */
    @Column(name = "interaction_id")
    private Long interactionId;

    @Column(nullable = false)
    private String kind;

    @Column(nullable = false)
    private String status = "OPEN";

    @Column(nullable = false)
    private String title;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "done_at")
    private Instant doneAt;

    @Column(name = "done_by")
    private Long doneBy;

    @Column(name = "done_note")
    private String doneNote;

    protected ConversationTask() {
    }

    public ConversationTask(Long conversationId, Long customerId, Long interactionId, Kind kind, String title,
            Instant now) {
        this.conversationId = conversationId;
        this.customerId = customerId;
        this.interactionId = interactionId;
        this.kind = kind.name();
        this.title = title;
        this.createdAt = now;
    }

    /** Marks it done by a user (null: by the hub itself) with a note; a task done already stays as it was. */
    public boolean done(Long userId, String note, Instant now) {
        if (!isOpen()) {
            return false;
        }
        this.status = "DONE";
        this.doneBy = userId;
        this.doneNote = note;
        this.doneAt = now;
        return true;
    }

    public boolean isOpen() {
        return "OPEN".equals(status);
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

    public Long getInteractionId() {
        return interactionId;
    }

    public String getKind() {
        return kind;
    }

    public String getStatus() {
        return status;
    }

    public String getTitle() {
        return title;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getDoneAt() {
        return doneAt;
    }

    public Long getDoneBy() {
        return doneBy;
    }

    public String getDoneNote() {
        return doneNote;
    }
}
