package io.omnihub.store.interaction;

/**
 * What became of a message we send, whatever the channel: QUEUED (waiting to go out, or to be tried
 * again), then SENT (the provider took it), then DELIVERED (it arrived: a delivery report, a chat
 * widget showed it) or FAILED (it will not arrive, with the reason). A status never moves back.
 */
public enum DeliveryStatus {
    QUEUED(0), SENT(1), DELIVERED(2), FAILED(2);

    private final int rank;

    DeliveryStatus(int rank) {
        this.rank = rank;
    }

    /** The status stored as text, or null for none (a customer's message, a note). */
    public static DeliveryStatus of(String stored) {
        return stored == null ? null : valueOf(stored);
    }

    /** Whether a message at {@code current} may move to this status: forward only, and not to where it is. */
    public boolean follows(DeliveryStatus current) {
        return current == null || this != current && rank >= current.rank;
    }
}
