package io.omnihub.store.held;

import io.omnihub.store.audit.AuditTrail;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Messages the hub accepted but could not put on a timeline, kept where agents see them. A parked
 * message becomes a held item; parking the same message again (a retry that failed once more)
 * updates its item. Agents retry, attach to a customer or discard; every action is audited.
 */
@Repository
public class HeldItems {

    /** What the bus knows of a parked message. */
    public record Parking(String sourceQueue, String messageKey, String parkingId, String channel, String inbox,
            String externalId, String reason, String exception, byte[] payload, int deliveries,
            Instant firstAttemptAt, Instant parkedAt) {
    }

    private static final int MAX_REASON = 4000;
    private static final String COLUMNS = "id, source_queue, message_key, channel, inbox_key, external_id, reason, "
            + "exception, octet_length(payload), attempts, first_attempt_at, last_attempt_at, status, customer_id, "
            + "interaction_id, resolved_by, resolved_at, note";
    private static final RowMapper<HeldItem> ROW = HeldItems::row;

    private final JdbcTemplate jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    HeldItems(JdbcTemplate jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Keeps a parked message: a new item, or its existing item held again with the latest reason.
     * The same parking delivered twice (the bus redelivered it) is counted once.
     *
     * @return the item's id
     */
    @Transactional
    public long hold(Parking parking) {
        Long id = jdbc.queryForObject("""
                insert into held_item (source_queue, message_key, last_parking_id, channel, inbox_key, external_id,
                                       reason, exception, payload, attempts, first_attempt_at, last_attempt_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (message_key) do update set
                    status = 'HELD',
                    attempts = held_item.attempts + case when held_item.last_parking_id = excluded.last_parking_id
                                                         then 0 else excluded.attempts end,
                    last_parking_id = excluded.last_parking_id,
                    reason = excluded.reason, exception = excluded.exception, payload = excluded.payload,
                    last_attempt_at = excluded.last_attempt_at, resolved_by = null, resolved_at = null,
                    updated_at = now()
                returning id""", Long.class,
                parking.sourceQueue(), parking.messageKey(), parking.parkingId(), clean(parking.channel(), 200),
                clean(parking.inbox(), 200), clean(parking.externalId(), 1000), clean(parking.reason(), MAX_REASON),
                clean(parking.exception(), 500), parking.payload(), Math.max(1, parking.deliveries()),
                Timestamp.from(parking.firstAttemptAt()), Timestamp.from(parking.parkedAt()));
        return id;
    }

    @Transactional(readOnly = true)
    public Optional<HeldItem> find(long id) {
        return jdbc.query("select " + COLUMNS + " from held_item where id = ?", ROW, id).stream().findFirst();
    }

    /** The message exactly as it was parked. */
    @Transactional(readOnly = true)
    public Optional<byte[]> payload(long id) {
        return jdbc.query("select payload from held_item where id = ?", (rs, n) -> rs.getBytes(1), id).stream()
                .findFirst();
    }

    /**
     * Items newest first, keyset-paged by id.
     *
     * @param statuses      the statuses to list (empty: all)
     * @param hiddenInboxes items of these inboxes are left out (a reader outside a restricted inbox)
     */
    @Transactional(readOnly = true)
    public List<HeldItem> list(Collection<HeldItemStatus> statuses, String channel, Collection<String> hiddenInboxes,
            Long before, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from held_item where true");
        List<Object> args = new ArrayList<>();
        if (!statuses.isEmpty()) {
            sql.append(" and status = any(?)");
            args.add(statuses.stream().map(Enum::name).toArray(String[]::new));
        }
        if (channel != null) {
            sql.append(" and channel = ?");
            args.add(channel);
        }
        if (!hiddenInboxes.isEmpty()) {
            sql.append(" and (inbox_key is null or not inbox_key = any(?))");
            args.add(hiddenInboxes.toArray(String[]::new));
        }
        if (before != null) {
            sql.append(" and id < ?");
            args.add(before);
        }
        sql.append(" order by id desc limit ?");
        args.add(limit);
        return jdbc.query(con -> {
            var statement = con.prepareStatement(sql.toString());
            for (int i = 0; i < args.size(); i++) {
                Object arg = args.get(i);
                statement.setObject(i + 1, arg instanceof String[] array ? con.createArrayOf("text", array) : arg);
            }
            return statement;
        }, ROW);
    }

    /** How many items wait for an agent, per source queue. */
    @Transactional(readOnly = true)
    public Map<String, Long> heldPerQueue() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("select source_queue, count(*) from held_item where status = 'HELD' group by source_queue "
                + "order by source_queue", rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /** How many items wait for someone, leaving out those of the given inboxes. */
    @Transactional(readOnly = true)
    public long countHeld(Collection<String> hiddenInboxes) {
        return jdbc.query(con -> {
            var statement = con.prepareStatement("select count(*) from held_item where status = 'HELD' "
                    + "and (inbox_key is null or not inbox_key = any(?))");
            statement.setArray(1, con.createArrayOf("text", hiddenInboxes.toArray(String[]::new)));
            return statement;
        }, rs -> rs.next() ? rs.getLong(1) : 0L);
    }

    /**
     * An agent sends the item back to its queue (to be recorded for {@code customerId} when given).
     * An item still RETRYING may be sent again: its outcome is written when it is recorded.
     */
    @Transactional
    public HeldItem retrying(long id, Long customerId, String actor) {
        HeldItem item = requireOpen(id, customerId == null ? "retry" : "attach", true);
        jdbc.update("update held_item set status = 'RETRYING', customer_id = ?, resolved_by = ?, resolved_at = ?, "
                + "updated_at = now() where id = ?", customerId, actor, Timestamp.from(clock.instant()), id);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("sourceQueue", item.sourceQueue());
        if (customerId != null) {
            details.put("customerId", customerId);
        }
        audit.record(actor, customerId == null ? "held-item.retry" : "held-item.attach", "held_item", id, details);
        return find(id).orElseThrow();
    }

    /** An agent decided the item needs nothing more; it stays listed as DISCARDED. */
    @Transactional
    public HeldItem discard(long id, String actor, String note) {
        HeldItem item = requireOpen(id, "discard", false);
        jdbc.update("update held_item set status = 'DISCARDED', resolved_by = ?, resolved_at = ?, note = ?, "
                + "updated_at = now() where id = ?", actor, Timestamp.from(clock.instant()), clean(note, 2000), id);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("sourceQueue", item.sourceQueue());
        details.put("reason", item.reason());
        if (note != null && !note.isBlank()) {
            details.put("note", clean(note, 2000));
        }
        audit.record(actor, "held-item.discard", "held_item", id, details);
        return find(id).orElseThrow();
    }

    /** A retried item that is not an interaction (a reply to send, an event for the ERP) went through. */
    @Transactional
    public void processed(long id) {
        recorded(id, null);
    }

    /** The retried item is on a timeline now: called in the transaction that recorded it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recorded(long id, Long interactionId) {
        jdbc.update("update held_item set status = 'RECORDED', interaction_id = coalesce(?, interaction_id), "
                + "updated_at = now() where id = ? and status in ('HELD', 'RETRYING')", interactionId, id);
    }

    private HeldItem requireOpen(long id, String action, boolean retryingToo) {
        HeldItem item = jdbc.query("select " + COLUMNS + " from held_item where id = ? for update", ROW, id).stream()
                .findFirst().orElseThrow(() -> new HeldItemNotFound(id));
        if (item.status() != HeldItemStatus.HELD && !(retryingToo && item.status() == HeldItemStatus.RETRYING)) {
            throw new HeldItemNotOpen(item, action);
        }
        return item;
    }

    /** PostgreSQL takes no NUL in text; reasons and names are kept short. */
    static String clean(String value, int max) {
        if (value == null) {
            return null;
        }
        String text = value.replace("\u0000", "");
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static HeldItem row(ResultSet rs, int n) throws SQLException {
        return new HeldItem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getLong(9), rs.getInt(10), instant(rs, 11),
                instant(rs, 12), HeldItemStatus.valueOf(rs.getString(13)), (Long) rs.getObject(14),
                (Long) rs.getObject(15), rs.getString(16), instant(rs, 17), rs.getString(18));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** There is no such item. */
    public static class HeldItemNotFound extends RuntimeException {
        public HeldItemNotFound(long id) {
            super("there is no held item " + id);
        }
    }

    /** The item was already retried, recorded or discarded. */
    public static class HeldItemNotOpen extends RuntimeException {
        public HeldItemNotOpen(HeldItem item, String action) {
            super("held item " + item.id() + " is " + item.status() + "; it cannot be given to " + action + " any more");
        }
    }
}
