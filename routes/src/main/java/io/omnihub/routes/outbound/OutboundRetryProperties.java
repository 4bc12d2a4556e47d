package io.omnihub.routes.outbound;

import io.omnihub.store.interaction.DeliveryRetryPolicy;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a message a server could not take for now (SMTP unreachable or answering 4xx, Twilio 5xx
 * or 429, a connection refused) is tried again, {@code omnihub.outbound.retry.*}: like a mail
 * server's queue, with backoff for hours, then FAILED with the last reason.
 *
 * @param firstDelay  wait before the second attempt
 * @param multiplier  each further wait is this much longer...
 * @param maxDelay    ...up to this
 * @param giveUpAfter how long after it was queued a message is given up (FAILED)
 * @param sweepInterval how often due retries (and replies whose queue message was lost) are put on their queue
 */
@ConfigurationProperties("omnihub.outbound.retry")
public record OutboundRetryProperties(@DefaultValue("30s") Duration firstDelay, @DefaultValue("2.0") double multiplier,
        @DefaultValue("30m") Duration maxDelay, @DefaultValue("24h") Duration giveUpAfter,
        @DefaultValue("15s") Duration sweepInterval) implements DeliveryRetryPolicy {

    @Override
    public Instant nextAttempt(Instant now, int failedAttempts) {
        double delay = firstDelay.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempts - 1));
        return now.plusMillis((long) Math.min(delay, maxDelay.toMillis()));
    }
}
