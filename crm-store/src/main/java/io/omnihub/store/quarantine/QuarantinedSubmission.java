package io.omnihub.store.quarantine;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A submission a channel accepted but that must not reach an agent's inbox (a filled honeypot
 * field, ...). Kept, with the reason, so an administrator can review and release it.
 */
@Entity
@Table(name = "quarantined_submission")
public class QuarantinedSubmission {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "inbox_id", nullable = false)
    private Long inboxId;

    @Column(nullable = false)
    private String channel;

    @Column(name = "external_id", nullable = false)
    private String externalId;

    @Column(nullable = false)
    private String reason;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    private String payload;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    protected QuarantinedSubmission() {
    }

    public QuarantinedSubmission(Long inboxId, String channel, String externalId, String reason, String payload,
            Instant receivedAt) {
        this.inboxId = inboxId;
        this.channel = channel;
        this.externalId = externalId;
        this.reason = reason;
        this.payload = payload;
        this.receivedAt = receivedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getInboxId() {
        return inboxId;
    }

    public String getChannel() {
        return channel;
    }

    public String getExternalId() {
        return externalId;
    }

    public String getReason() {
        return reason;
    }

    public String getPayload() {
        return payload;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }
}
