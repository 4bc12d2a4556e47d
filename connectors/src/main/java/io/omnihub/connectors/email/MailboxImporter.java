package io.omnihub.connectors.email;

import io.omnihub.connectors.bus.BusUnavailableException;
import io.omnihub.connectors.bus.InboundPublisher;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports the new mail of one mailbox onto the bus without losing or doubling any: messages are
 * read by UID after the stored cursor, each is put on the bus (durably) before the cursor moves
 * past it, and only then marked seen or moved. A crash at any point re-reads at most the messages
 * after the cursor, which the bus and the store recognise as duplicates by Message-ID. A changed
 * UIDVALIDITY re-reads the folder the same way. A lease keeps two hub nodes from importing one
 * mailbox at once.
 */
public final class MailboxImporter {

    private static final Logger log = LoggerFactory.getLogger(MailboxImporter.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int PREFETCH = 20;

    /** What one poll did. */
    public record Outcome(int imported, boolean leased, boolean rescanned) {
        static final Outcome NOT_LEASED = new Outcome(0, false, false);
    }

    private final String inbox;
    private final MailboxSettings mailbox;
    private final MailInteractions interactions;
    private final InboundPublisher bus;
    private final MailboxCursors cursors;
    private final String node;
    private final Clock clock;

    public MailboxImporter(String inbox, MailboxSettings mailbox, MailInteractions interactions, InboundPublisher bus,
            MailboxCursors cursors, String node, Clock clock) {
        this.inbox = inbox;
        this.mailbox = mailbox;
        this.interactions = interactions;
        this.bus = bus;
        this.cursors = cursors;
        this.node = node;
        this.clock = clock;
    }

    /** One poll: imports every message that arrived since the last. */
    public Outcome poll() throws MessagingException, IOException {
        MailboxSettings.Imap imap = mailbox.imap();
        Duration lease = imap.pollInterval().multipliedBy(2).plus(TIMEOUT.multipliedBy(4));
        if (!cursors.lease(inbox, imap.folder(), node, lease)) {
            return Outcome.NOT_LEASED;
        }
        Store store = session(imap).getStore(imap.security() == MailboxSettings.Security.SSL ? "imaps" : "imap");
        try {
            store.connect(imap.host(), imap.effectivePort(), imap.username(), imap.password());
            IMAPFolder folder = (IMAPFolder) store.getFolder(imap.folder());
            folder.open(Folder.READ_WRITE);
            try {
                return importFrom(folder, imap, lease);
            } finally {
                folder.close(imap.afterImport() == MailboxSettings.AfterImport.MOVE);
            }
        } finally {
            store.close();
            cursors.release(inbox, imap.folder(), node);
        }
    }

    private Outcome importFrom(IMAPFolder folder, MailboxSettings.Imap imap, Duration lease)
            throws MessagingException, IOException {
        long uidValidity = folder.getUIDValidity();
        MailboxCursors.Cursor cursor = cursors.find(inbox, imap.folder()).orElse(new MailboxCursors.Cursor(0, 0));
        boolean rescan = cursor.uidValidity() != uidValidity;
        if (rescan) {
            if (cursor.uidValidity() != 0) {
                log.warn("mailbox {}: UIDVALIDITY of {} changed from {} to {}; re-reading the folder "
                        + "(already imported mail is recognised by Message-ID)", inbox, imap.folder(),
                        cursor.uidValidity(), uidValidity);
            }
            cursor = new MailboxCursors.Cursor(uidValidity, 0);
        }
        long after = cursor.lastUid();
        Message[] candidates = folder.getMessagesByUID(after + 1, UIDFolder.MAXUID);
        FetchProfile uids = new FetchProfile();
        uids.add(UIDFolder.FetchProfileItem.UID);
        folder.fetch(candidates, uids);
        Message[] fresh = Arrays.stream(candidates)
                .filter(m -> uid(folder, m) > after)   // "n:*" always answers the last message too
                .sorted(Comparator.comparingLong(m -> uid(folder, m)))
                .toArray(Message[]::new);
        int imported = 0;
        List<Message> toSettle = new ArrayList<>();
        MailboxCursors.Cursor saved = cursor;
        long renewAt = System.nanoTime() + lease.toNanos() / 3;
        try {
            for (int i = 0; i < fresh.length; i++) {
                if (i % PREFETCH == 0) {
                    // one round trip for the next messages' bytes instead of one per message
                    FetchProfile bodies = new FetchProfile();
                    bodies.add(IMAPFolder.FetchProfileItem.MESSAGE);
                    folder.fetch(Arrays.copyOfRange(fresh, i, Math.min(fresh.length, i + PREFETCH)), bodies);
                }
                Message message = fresh[i];
                long uid = folder.getUID(message);
                byte[] raw = rawBytes(message);
                try {
                    bus.publish(interactions.toInteraction(inbox, mailbox, raw, clock.instant()));
                } catch (BusUnavailableException e) {
                    log.warn("mailbox {}: the bus is unavailable; UID {} and later stay for the next poll", inbox, uid);
                    break;
                }
                cursor = new MailboxCursors.Cursor(uidValidity, uid);
                imported++;
                toSettle.add(message);
                // the cursor is saved every few messages: after a crash at most those are read again,
                // and the bus and the store recognise them
                if (toSettle.size() >= PREFETCH) {
                    if (!save(imap, cursor)) {
                        break;
                    }
                    saved = cursor;
                    settle(folder, toSettle, imap);
                }
                if (System.nanoTime() > renewAt) {
                    cursors.lease(inbox, imap.folder(), node, lease);
                    renewAt = System.nanoTime() + lease.toNanos() / 3;
                }
            }
        } finally {
            if (!cursor.equals(saved)) {
                save(imap, cursor);
            }
            settle(folder, toSettle, imap);
        }
        if (rescan && fresh.length == 0) {
            cursors.advance(inbox, imap.folder(), node, cursor);
        }
        if (imported > 0) {
            log.info("mailbox {}: {} new mail imported from {}", inbox, imported, imap.folder());
        }
        return new Outcome(imported, true, rescan);
    }

    private boolean save(MailboxSettings.Imap imap, MailboxCursors.Cursor cursor) {
        boolean saved = cursors.advance(inbox, imap.folder(), node, cursor);
        if (!saved) {
            log.warn("mailbox {}: lease lost to another node at UID {}; stopping this poll", inbox, cursor.lastUid());
        }
        return saved;
    }

    /**
     * Marks imported mail seen or moves it, in bulk. Runs only for mail already durable on the bus
     * and behind the cursor; a failure here loses nothing, such mail is never imported again.
     */
    private void settle(IMAPFolder folder, List<Message> imported, MailboxSettings.Imap imap) {
        if (imported.isEmpty()) {
            return;
        }
        Message[] messages = imported.toArray(Message[]::new);
        imported.clear();
        try {
            if (imap.afterImport() == MailboxSettings.AfterImport.MOVE) {
                Folder target = folder.getStore().getFolder(imap.moveTo());
                if (!target.exists()) {
                    target.create(Folder.HOLDS_MESSAGES);
                }
                folder.moveMessages(messages, target);
            } else {
                folder.setFlags(messages, new Flags(Flags.Flag.SEEN), true);
            }
        } catch (MessagingException | RuntimeException e) {
            log.warn("mailbox {}: {} imported mail could not be {} ({}); they will not be imported again", inbox,
                    messages.length, imap.afterImport() == MailboxSettings.AfterImport.MOVE ? "moved" : "marked seen",
                    e.getMessage());
        }
    }

    private static long uid(UIDFolder folder, Message message) {
        try {
            return folder.getUID(message);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] rawBytes(Message message) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, message.getSize()));
        message.writeTo(out);
        return out.toByteArray();
    }

    private static Session session(MailboxSettings.Imap imap) {
        Properties p = new Properties();
        String protocol = imap.security() == MailboxSettings.Security.SSL ? "imaps" : "imap";
        p.setProperty("mail." + protocol + ".connectiontimeout", Long.toString(TIMEOUT.toMillis()));
        p.setProperty("mail." + protocol + ".timeout", Long.toString(TIMEOUT.toMillis()));
        p.setProperty("mail." + protocol + ".writetimeout", Long.toString(TIMEOUT.toMillis()));
        // fetching a message must not mark it seen: that happens after it is durable
        p.setProperty("mail." + protocol + ".peek", "true");
        if (imap.security() == MailboxSettings.Security.STARTTLS) {
            p.setProperty("mail.imap.starttls.enable", "true");
            p.setProperty("mail.imap.starttls.required", "true");
        }
        if (imap.security() != MailboxSettings.Security.NONE) {
            p.setProperty("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        return Session.getInstance(p);
    }
}
