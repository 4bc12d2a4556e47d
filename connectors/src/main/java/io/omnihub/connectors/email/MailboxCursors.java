package io.omnihub.connectors.email;

import java.time.Duration;
import java.util.Optional;

/**
 * Durable import position and lease of a mailbox folder (kept in the hub's database). Every
 * message with a UID up to the cursor, under the same UIDVALIDITY, is on the bus.
 */
public interface MailboxCursors {

    record Cursor(long uidValidity, long lastUid) {
    }

    /** Takes or renews the lease; false while another hub node holds it. */
    boolean lease(String inbox, String folder, String owner, Duration length);

    void release(String inbox, String folder, String owner);

    /** Who holds the lease now, or null. */
    default String leaseHolder(String inbox, String folder) {
        return null;
    }

    Optional<Cursor> find(String inbox, String folder);

    /** Moves the cursor; false when the lease was lost meanwhile. */
    boolean advance(String inbox, String folder, String owner, Cursor cursor);
}
