package io.omnihub.store.held;

import java.time.Instant;

/**
 * A message the hub accepted that could not be put on a timeline, as agents see it.
 *
 * @param sourceQueue    the bus queue it was parked from
 * @param messageKey     what identifies the message (its duplicate id, or its bus message id)
 * @param channel        the channel it came from, when the message says
 * @param inbox          the inbox it came through, when the message says
 * @param externalId     the channel's own id for it, when the message says
 * @param reason         why it could not be recorded, in words
 * @param exception      the kind of failure (an exception class), when one was thrown
 * @param payloadBytes   the size of the raw message
 * @param attempts       how many times it was tried
 * @param customerId     the customer an agent attached it to
 * @param interactionId  the interaction it became, once RECORDED
 * @param resolvedBy     who retried, attached or discarded it
 */
public record HeldItem(long id, String sourceQueue, String messageKey, String channel, String inbox,
        String externalId, String reason, String exception, long payloadBytes, int attempts,
        Instant firstAttemptAt, Instant lastAttemptAt, HeldItemStatus status, Long customerId, Long interactionId,
        String resolvedBy, Instant resolvedAt, String note) {
}
