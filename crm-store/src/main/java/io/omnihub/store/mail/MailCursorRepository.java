package io.omnihub.store.mail;

import java.time.Duration;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The import cursor of each mailbox folder, and a lease so that one hub node at a time imports a
 * mailbox (another node takes over when a lease runs out). Each call is its own transaction.
 */
@Repository
public class MailCursorRepository {

    private final JdbcTemplate jdbc;

    public MailCursorRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes or renews the lease on the folder for {@code owner}; false while another owner holds it.
     * The first lease of a folder creates its cursor row (UID validity 0: nothing imported yet).
     */
    @Transactional
    public boolean lease(long inboxId, String folder, String owner, Duration length) {
        jdbc.update("""
                insert into mail_cursor (inbox_id, folder, uid_validity, last_uid) values (?, ?, 0, 0)
                on conflict do nothing""", inboxId, folder);
        return jdbc.update("""
                update mail_cursor set lease_owner = ?, lease_until = now() + make_interval(secs => ?)
                 where inbox_id = ? and folder = ?
                   and (lease_owner is null or lease_owner = ? or lease_until < now())""",
                owner, (double) length.toMillis() / 1000, inboxId, folder, owner) == 1;
    }

    @Transactional
    public void release(long inboxId, String folder, String owner) {
        jdbc.update("update mail_cursor set lease_owner = null, lease_until = null "
                + "where inbox_id = ? and folder = ? and lease_owner = ?", inboxId, folder, owner);
    }

    /** The node holding an unexpired lease on the folder. */
    @Transactional(readOnly = true)
    public Optional<String> leaseHolder(long inboxId, String folder) {
        return jdbc.queryForList("select lease_owner from mail_cursor where inbox_id = ? and folder = ? "
                + "and lease_owner is not null and lease_until >= now()", String.class, inboxId, folder).stream()
                .findFirst();
    }

    @Transactional(readOnly = true)
    public Optional<MailCursor> find(long inboxId, String folder) {
        return jdbc.query("select uid_validity, last_uid from mail_cursor where inbox_id = ? and folder = ?",
                (rs, n) -> new MailCursor(rs.getLong(1), rs.getLong(2)), inboxId, folder).stream().findFirst();
    }

    /** Moves the cursor, only while {@code owner} holds the lease and never backwards within a UID validity. */
    @Transactional
    public boolean advance(long inboxId, String folder, String owner, MailCursor cursor) {
        return jdbc.update("""
                update mail_cursor set uid_validity = ?, last_uid = ?, updated_at = now()
                 where inbox_id = ? and folder = ? and lease_owner = ?
                   and (uid_validity <> ? or last_uid <= ?)""",
                cursor.uidValidity(), cursor.lastUid(), inboxId, folder, owner, cursor.uidValidity(),
                cursor.lastUid()) == 1;
    }
}
