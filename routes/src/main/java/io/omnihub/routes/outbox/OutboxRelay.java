package io.omnihub.routes.outbox;

import io.omnihub.store.outbox.OutboxEntry;
import io.omnihub.store.outbox.OutboxRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves committed events from the outbox to {@code hub.events}, oldest first, numbering them in
 * publishing order and marking them published in the database transaction that locked them. One
 * hub node relays at a time (a PostgreSQL advisory lock), so the order holds across nodes.
 * Publishing happens before that transaction commits: a crash in between re-sends the batch,
 * which the broker de-duplicates by event id.
 */
@Component
public class OutboxRelay {

    private final OutboxRepository outbox;
    private final EventPublisher publisher;
    private final TransactionTemplate tx;
    private final OutboxProperties properties;
    private final Clock clock;

    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private Duration backoff = Duration.ZERO;
    private Instant pausedUntil = Instant.MIN;
    private int failures;

    OutboxRelay(OutboxRepository outbox, EventPublisher publisher, TransactionTemplate tx, OutboxProperties properties,
            Clock clock) {
        this.outbox = outbox;
        this.publisher = publisher;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Publishes everything pending; returns how many events went out. While the broker or the
     * database fails, the relay backs off (up to 30 s) and logs the failure once, not every poll.
     */
    public synchronized int relayPending() {
        if (clock.instant().isBefore(pausedUntil)) {
            return 0;
        }
        int total = 0;
        int published;
        try {
            do {
                published = relayBatch();
                total += published;
            } while (published == properties.batchSize());
        } catch (RuntimeException e) {
            backoff = backoff.isZero() ? properties.pollInterval() : backoff.multipliedBy(2);
            if (backoff.compareTo(MAX_BACKOFF) > 0) {
                backoff = MAX_BACKOFF;
            }
            pausedUntil = clock.instant().plus(backoff);
            if (failures++ == 0) {
                log.warn("outbox relay cannot publish, retrying with backoff up to {}: {}", MAX_BACKOFF, e.toString());
            }
            return total;
        }
        if (failures > 0) {
            log.info("outbox relay publishing again after {} failed attempts", failures);
            failures = 0;
            backoff = Duration.ZERO;
        }
        return total;
    }

    private int relayBatch() {
        Integer count = tx.execute(status -> {
            if (!outbox.tryLockRelay()) {
                return 0;
            }
            List<OutboxEntry> batch = outbox.lockUnpublished(properties.batchSize());
            if (batch.isEmpty()) {
                return 0;
            }
            Map<Long, Long> sequences = outbox.markPublished(batch.stream().map(OutboxEntry::getId).toList(),
                    clock.instant());
            publisher.publish(batch, sequences);
            return batch.size();
        });
        return count == null ? 0 : count;
    }

    /** Deletes published events older than the retention period. */
    public int purgePublished() {
        Integer deleted = tx.execute(s -> outbox.deletePublishedBefore(clock.instant().minus(properties.retention())));
        return deleted == null ? 0 : deleted;
    }
}
