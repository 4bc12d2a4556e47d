package io.omnihub.store.interaction;

import java.time.Duration;
import java.time.Instant;

/** How long and how often a message a server cannot take now is tried again ({@code omnihub.outbound.retry.*}). */
public interface DeliveryRetryPolicy {

    /** How long after it was queued a message is given up (FAILED with the last reason). */
    Duration giveUpAfter();

    /** When the attempt after {@code failedAttempts} failed ones is due. */
    Instant nextAttempt(Instant now, int failedAttempts);
}
