package io.omnihub.store.media;

import java.time.Duration;
import java.time.Instant;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The files still to be fetched for recorded interactions. A fetch is claimed for a lease (so one
 * hub node fetches it, and a node that dies mid-fetch leaves it to be claimed again when the lease
 * runs out), then ends as fetched, failed for good, or due again later.
 */
@Repository
public class MediaFetchQueue {

    /** One claimed fetch; {@code attempts} counts this one. */
    public record Claimed(long id, long interactionId, String inboxKey, String url, String declaredType,
            String fileName, int attempts) {
    }

    private final JdbcTemplate jdbc;

    MediaFetchQueue(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a fetch in the caller's transaction; the same URL for the same interaction is added once. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void schedule(long interactionId, String inboxKey, String url, String declaredType, String fileName,
            Instant now) {
        jdbc.update("""
                insert into media_fetch (interaction_id, inbox_key, url, declared_type, file_name, next_attempt_at)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""",
                interactionId, inboxKey, url, declaredType, fileName, Timestamp.from(now));
    }

    /** Claims up to {@code limit} due fetches for {@code lease}, skipping those another node holds. */
    @Transactional
    public List<Claimed> claimDue(Instant now, Duration lease, int limit) {
        return jdbc.query("""
                update media_fetch set attempts = attempts + 1, next_attempt_at = ?, updated_at = now()
                 where id in (select id from media_fetch where status = 'PENDING' and next_attempt_at <= ?
                              order by next_attempt_at, id limit ? for update skip locked)
                returning id, interaction_id, inbox_key, url, declared_type, file_name, attempts""",
                (rs, n) -> new Claimed(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getInt(7)),
                Timestamp.from(now.plus(lease)), Timestamp.from(now), limit);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void fetched(long id, long attachmentId) {
        jdbc.update("update media_fetch set status = 'FETCHED', attachment_id = ?, last_error = null, "
                + "updated_at = now() where id = ?", attachmentId, id);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void failed(long id, String reason) {
        jdbc.update("update media_fetch set status = 'FAILED', last_error = ?, updated_at = now() where id = ?",
                reason, id);
    }

    @Transactional
    public void retryAt(long id, Instant when, String reason) {
        jdbc.update("update media_fetch set next_attempt_at = ?, last_error = ?, updated_at = now() where id = ?",
                Timestamp.from(when), reason, id);
    }
}
