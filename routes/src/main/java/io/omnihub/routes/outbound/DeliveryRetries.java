package io.omnihub.routes.outbound;

import io.omnihub.store.interaction.Deliveries;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** A send that failed for now is tried again by {@code omnihub.outbound.retry.*} ({@link Deliveries#deferred}). */
@Component
public class DeliveryRetries {

    private final Deliveries deliveries;
    private final OutboundRetryProperties retry;

    DeliveryRetries(Deliveries deliveries, OutboundRetryProperties retry) {
        this.deliveries = deliveries;
        this.retry = retry;
    }

    /** @return when it is tried again, or null when it was given up (or is no longer QUEUED) */
    public Instant deferred(long interactionId, String reason) {
        return deliveries.deferred(interactionId, reason, retry);
    }
}
