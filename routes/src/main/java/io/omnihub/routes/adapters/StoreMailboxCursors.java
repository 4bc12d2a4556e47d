package io.omnihub.routes.adapters;

import io.omnihub.connectors.email.MailboxCursors;
import io.omnihub.routes.inbox.InboxCatalog;
import io.omnihub.store.mail.MailCursor;
import io.omnihub.store.mail.MailCursorRepository;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Mailbox import cursors and leases live in the store's {@code mail_cursor} table. */
@Component
class StoreMailboxCursors implements MailboxCursors {

    private final InboxCatalog inboxes;
    private final MailCursorRepository cursors;

    StoreMailboxCursors(InboxCatalog inboxes, MailCursorRepository cursors) {
        this.inboxes = inboxes;
        this.cursors = cursors;
    }

    private long id(String inbox) {
        return inboxes.require(inbox).getId();
    }

    @Override
    public boolean lease(String inbox, String folder, String owner, Duration length) {
        return cursors.lease(id(inbox), folder, owner, length);
    }

    @Override
    public void release(String inbox, String folder, String owner) {
        cursors.release(id(inbox), folder, owner);
    }

    @Override
    public String leaseHolder(String inbox, String folder) {
        return cursors.leaseHolder(id(inbox), folder).orElse(null);
    }

    @Override
    public Optional<Cursor> find(String inbox, String folder) {
        return cursors.find(id(inbox), folder).map(c -> new Cursor(c.uidValidity(), c.lastUid()));
    }

    @Override
    public boolean advance(String inbox, String folder, String owner, Cursor cursor) {
        return cursors.advance(id(inbox), folder, owner, new MailCursor(cursor.uidValidity(), cursor.lastUid()));
    }
}
