package io.omnihub.store.integration;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What became of each business event (by its source and id): on a customer's timeline, or kept in
 * the unmatched list because it names no known customer or request.
 */
@Component
public class BusinessEventOutcomes {

    /** The inbox business events arrive through (reserved, created by the migrations). */
    public static final String INBOX = "business-events";
    /** The channel of business events on a timeline. */
    public static final String CHANNEL = "business";

    /** {@code status} RECORDED, UNKNOWN_CUSTOMER or UNKNOWN_REQUEST. */
    public record Outcome(String source, String id, String status, Long interactionId, Long customerId,
            String reason) {
    }

    private final JdbcTemplate jdbc;

    BusinessEventOutcomes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps an event that names no known customer or request (once: the same event again changes nothing). */
    public void unmatched(String source, String id, String customerRef, String status, String reason,
            String payloadJson) {
        jdbc.update("""
                insert into business_event_unmatched (source, event_id, customer_ref, status, reason, payload)
                values (?, ?, ?, ?, ?, ?::jsonb) on conflict do nothing""",
                source, id, customerRef, status, reason, payloadJson);
    }

    /** What became of the event, or empty when the hub has not recorded it (not sent, or still on its way). */
    public Optional<Outcome> of(String source, String id) {
        List<Outcome> recorded = jdbc.query("""
                select i.id, i.customer_id from interaction i join inbox b on b.id = i.inbox_id
                 where b.key = ? and i.channel = ? and i.external_id = ?""",
                (rs, n) -> new Outcome(source, id, "RECORDED", rs.getLong(1), rs.getLong(2), null),
                INBOX, CHANNEL, source + ":" + id);
        if (!recorded.isEmpty()) {
            return Optional.of(recorded.get(0));
        }
        return jdbc.query("select status, reason from business_event_unmatched where source = ? and event_id = ?",
                (rs, n) -> new Outcome(source, id, rs.getString(1), null, null, rs.getString(2)), source, id)
                .stream().findFirst();
    }
}
