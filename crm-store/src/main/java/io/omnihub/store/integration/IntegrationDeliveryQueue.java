package io.omnihub.store.integration;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The events each integration target is to receive. Per target and customer they go out in event
 * order: only the oldest pending event of a customer is ever due, so one waiting for a retry holds
 * back that customer's later events (and no one else's). An event the target refuses for good is
 * parked: out of the way, listed, and replayable.
 */
@Repository
public class IntegrationDeliveryQueue {

    /** One event for one target. */
    public record Delivery(long id, String target, String eventId, long eventSequence, String eventType,
            Long customerId, String envelope, String status, int attempts, Instant nextAttemptAt, Integer lastStatus,
            String lastError, Instant deliveredAt, Instant createdAt) {
    }

    private static final String COLUMNS = "id, target, event_id, event_sequence, event_type, customer_id, "
            + "envelope::text, status, attempts, next_attempt_at, last_status, last_error, delivered_at, created_at";
    private static final RowMapper<Delivery> ROW = (rs, n) -> new Delivery(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getLong(4), rs.getString(5), (Long) rs.getObject(6), rs.getString(7), rs.getString(8),
            rs.getInt(9), instant(rs.getTimestamp(10)), (Integer) rs.getObject(11), rs.getString(12),
            instant(rs.getTimestamp(13)), instant(rs.getTimestamp(14)));

    private final JdbcTemplate jdbc;

    IntegrationDeliveryQueue(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds an event for a target; the same event for the same target is added once. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(String target, String eventId, long sequence, String type, Long customerId, String envelope,
            Instant now) {
        jdbc.update("""
                insert into integration_delivery
                    (target, event_id, event_sequence, event_type, customer_id, envelope, next_attempt_at)
                values (?, ?, ?, ?, ?, ?::jsonb, ?) on conflict do nothing""",
                target, eventId, sequence, type, customerId, envelope, Timestamp.from(now));
    }

    /**
     * Claims the due heads of the target's customer queues, oldest event first, for {@code lease}
     * (another node skips them; a node that dies leaves them due again when the lease ends).
     */
    @Transactional
    public List<Delivery> claimDue(String target, Instant now, Duration lease, int limit) {
        List<Long> ids = jdbc.queryForList("""
                select d.id from integration_delivery d
                  join (select distinct on (customer_id) id, next_attempt_at from integration_delivery
                         where target = ? and status = 'PENDING' order by customer_id, event_sequence) head
                    on head.id = d.id
                 where head.next_attempt_at <= ?
                 order by d.event_sequence limit ? for update of d skip locked""",
                Long.class, target, Timestamp.from(now), limit);
        if (ids.isEmpty()) {
            return List.of();
        }
        String in = String.join(",", ids.stream().map(String::valueOf).toList());
        return jdbc.query("update integration_delivery set attempts = attempts + 1, next_attempt_at = ?, "
                + "updated_at = now() where id in (" + in + ") returning " + COLUMNS, ROW,
                Timestamp.from(now.plus(lease))).stream()
                .sorted(java.util.Comparator.comparingLong(Delivery::eventSequence)).toList();
    }

    @Transactional
    public void delivered(long id, int status, Instant now) {
        jdbc.update("update integration_delivery set status = 'DELIVERED', last_status = ?, last_error = null, "
                + "delivered_at = ?, updated_at = now() where id = ?", status, Timestamp.from(now), id);
    }

    @Transactional
    public void retryAt(long id, Instant when, Integer status, String error) {
        jdbc.update("update integration_delivery set next_attempt_at = ?, last_status = ?, last_error = ?, "
                + "updated_at = now() where id = ?", Timestamp.from(when), status, error, id);
    }

    @Transactional
    public void park(long id, Integer status, String error) {
        jdbc.update("update integration_delivery set status = 'PARKED', last_status = ?, last_error = ?, "
                + "updated_at = now() where id = ?", status, error, id);
    }

    /** Puts parked deliveries back in their customers' queues, due now; returns how many. */
    @Transactional
    public int replay(List<Long> ids, Instant now) {
        if (ids.isEmpty()) {
            return 0;
        }
        String in = String.join(",", ids.stream().map(String::valueOf).toList());
        return jdbc.update("update integration_delivery set status = 'PENDING', attempts = 0, next_attempt_at = ?, "
                + "updated_at = now() where status = 'PARKED' and id in (" + in + ")", Timestamp.from(now));
    }

    /** Every parked delivery of a target back in its queue; returns how many. */
    @Transactional
    public int replayAll(String target, Instant now) {
        return jdbc.update("update integration_delivery set status = 'PENDING', attempts = 0, next_attempt_at = ?, "
                + "updated_at = now() where status = 'PARKED' and target = ?", Timestamp.from(now), target);
    }

    /** Deliveries by target and status, newest first, after the keyset {@code beforeId} (null: from the top). */
    @Transactional(readOnly = true)
    public List<Delivery> list(String target, String status, Long beforeId, int limit) {
        return jdbc.query("select " + COLUMNS + " from integration_delivery where (?::text is null or target = ?) "
                + "and (?::text is null or status = ?) and (?::bigint is null or id < ?) order by id desc limit ?",
                ROW, target, target, status, status, beforeId, beforeId, limit);
    }

    @Transactional(readOnly = true)
    public java.util.Optional<Delivery> find(long id) {
        return jdbc.query("select " + COLUMNS + " from integration_delivery where id = ?", ROW, id).stream().findFirst();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
