package io.omnihub.store.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One address of a customer on one channel, normalized (see {@link ContactPointNormalizer}). */
@Entity
@Table(name = "contact_point")
public class ContactPoint {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "customer_id", nullable = false)
    private Long customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ContactPointType type;

    @Column(nullable = false)
    private String value;

    @Column(nullable = false)
    private boolean verified;

    /** Where we learned the address: the channel and inbox, or "api", "import". */
    @Column(nullable = false)
    private String source;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Consent consent = Consent.UNKNOWN;

    @Column(nullable = false)
    private boolean bouncing;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ContactPoint() {
    }

    public ContactPoint(Long customerId, NormalizedAddress address, boolean verified, String source, Instant now) {
        this.customerId = customerId;
        this.type = address.type();
        this.value = address.value();
        this.verified = verified;
        this.source = source;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public NormalizedAddress address() {
        return new NormalizedAddress(type, value);
    }

    public Long getId() {
        return id;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public ContactPointType getType() {
        return type;
    }

    public String getValue() {
        return value;
    }

    public boolean isVerified() {
        return verified;
    }

    public String getSource() {
        return source;
    }

    /** The customer said whether we may message this address (e.g. STOP / START by SMS). */
    public void consent(Consent consent, Instant at) {
        this.consent = consent;
        this.updatedAt = at;
    }

    public Consent getConsent() {
        return consent;
    }

    /** A delivery report said mail to this address fails permanently. */
    public void markBouncing(Instant at) {
        this.bouncing = true;
        this.updatedAt = at;
    }

    public boolean isBouncing() {
        return bouncing;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
