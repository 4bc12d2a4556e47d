package io.omnihub.connectors.email;

import io.omnihub.connectors.bus.BusUnavailableException;
import io.omnihub.connectors.bus.InboundInteraction;
import io.omnihub.connectors.bus.InboundPublisher;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports the new mail of one mailbox onto the bus without losing or doubling any: messages are
 * read by UID after the stored cursor, each is put on the bus (durably) before the cursor moves
 * past it, and only then marked seen or moved. A crash at any point re-reads at most the messages
 * after the cursor, which the bus and the store recognise as duplicates by Message-ID. A changed
 * UIDVALIDITY re-reads the folder the same way. A lease, renewed by a heartbeat while the poll runs,
 * keeps two hub nodes from importing one mailbox at once. Mail of any size costs bounded memory:
 * small mails are fetched together within a byte budget, larger ones streamed to a temporary file,
 * and every file of a mail streamed to the blob store.
 */
public final class MailboxImporter {

    private static final Logger log = LoggerFactory.getLogger(MailboxImporter.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** The cursor is saved, and imported mail marked, after this many mails. */
    private static final int SETTLE_EVERY = 20;
    /** Small mails are fetched together, up to this many bytes in one round trip... */
    private static final long PREFETCH_BYTES = 4 * 1024 * 1024;
    /** ...and this many mails; a larger mail is streamed on its own, never held whole. */
    private static final int PREFETCH_MAILS = 20;

    /**
     * How long a lease lasts without renewal. A poll renews it every quarter of that (a heartbeat,
     * whatever the import is doing), so a node that dies mid-poll holds its mailboxes for at most
     * this long; a node whose renewals fail stops importing before its lease can run out.
     */
    static final Duration LEASE = Duration.ofSeconds(20);
    private static final ScheduledExecutorService HEARTBEATS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "mailbox-lease-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * What one poll did.
     *
     * @param leaseHolder the node importing the mailbox when it was not this one
     */
    public record Outcome(int imported, boolean leased, boolean rescanned, String leaseHolder) {
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
        if (!cursors.lease(inbox, imap.folder(), node, LEASE)) {
            return new Outcome(0, false, false, cursors.leaseHolder(inbox, imap.folder()));
        }
        Lease lease = new Lease(imap.folder());
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
            lease.stopRenewing();
            try {
                store.close();
            } finally {
                cursors.release(inbox, imap.folder(), node);
            }
        }
    }

    /** This poll's hold on the mailbox, renewed in the background while the poll runs. */
    private final class Lease {
        private final String folder;
        private final ScheduledFuture<?> heartbeat;
        private volatile long renewedAt = System.nanoTime();
        private volatile boolean lost;

        Lease(String folder) {
            this.folder = folder;
            long every = LEASE.toMillis() / 4;
            this.heartbeat = HEARTBEATS.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
        }

        private void renew() {
            try {
                if (cursors.lease(inbox, folder, node, LEASE)) {
                    renewedAt = System.nanoTime();
                } else {
                    lost = true;
                }
            } catch (RuntimeException databaseUnreachable) {
                // not renewed: held() says so once too long has passed
            }
        }

        /** Whether the lease is surely still this node's (renewed within three quarters of its length). */
        boolean held() {
            return !lost && System.nanoTime() - renewedAt < LEASE.toNanos() * 3 / 4;
        }

        void stopRenewing() {
            heartbeat.cancel(false);
        }
    }

    private Outcome importFrom(IMAPFolder folder, MailboxSettings.Imap imap, Lease lease)
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
        FetchProfile uidsAndSizes = new FetchProfile();
        uidsAndSizes.add(UIDFolder.FetchProfileItem.UID);
        uidsAndSizes.add(FetchProfile.Item.SIZE);
        folder.fetch(candidates, uidsAndSizes);
        Message[] fresh = Arrays.stream(candidates)
                .filter(m -> uid(folder, m) > after)   // "n:*" always answers the last message too
                .sorted(Comparator.comparingLong(m -> uid(folder, m)))
                .toArray(Message[]::new);
        int imported = 0;
        List<Message> toSettle = new ArrayList<>();
        MailboxCursors.Cursor saved = cursor;
        int prefetchedUpTo = 0;
        try {
            for (int i = 0; i < fresh.length; i++) {
                if (i >= prefetchedUpTo) {
                    prefetchedUpTo = prefetchSmall(folder, fresh, i);
                }
                Message message = fresh[i];
                long uid = folder.getUID(message);
                try (RawMail raw = RawMail.read(message, message.getSize())) {
                    InboundInteraction interaction = interactions.toInteraction(inbox, mailbox, raw, clock.instant());
                    if (!lease.held()) {
                        log.warn("mailbox {}: the lease could not be renewed; stopping before UID {}", inbox, uid);
                        break;
                    }
                    bus.publish(interaction);
                } catch (BusUnavailableException e) {
                    log.warn("mailbox {}: the bus is unavailable; UID {} and later stay for the next poll", inbox, uid);
                    break;
                } catch (IOException e) {
                    log.warn("mailbox {}: UID {} could not be stored ({}); it and later mail stay for the next poll",
                            inbox, uid, e.getMessage());
                    break;
                }
                cursor = new MailboxCursors.Cursor(uidValidity, uid);
                imported++;
                toSettle.add(message);
                // the cursor is saved every few messages: after a crash at most those are read again,
                // and the bus and the store recognise them
                if (toSettle.size() >= SETTLE_EVERY) {
                    if (!save(imap, cursor)) {
                        break;
                    }
                    saved = cursor;
                    settle(folder, toSettle, imap);
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
        return new Outcome(imported, true, rescan, null);
    }

    /**
     * Fetches the bodies of the next small mails from {@code from} in one round trip, within a byte
     * budget; returns the index of the first mail not fetched so. A mail over the budget is not
     * prefetched: it is streamed to a temporary file when it is read.
     */
    private static int prefetchSmall(IMAPFolder folder, Message[] mails, int from) throws MessagingException {
        long bytes = 0;
        int end = from;
        while (end < mails.length && end - from < PREFETCH_MAILS) {
            int size = mails[end].getSize();
            if (size < 0 || size > RawMail.IN_MEMORY || bytes + size > PREFETCH_BYTES) {
                break;
            }
            bytes += size;
            end++;
        }
        if (end > from + 1) {
            FetchProfile bodies = new FetchProfile();
            bodies.add(IMAPFolder.FetchProfileItem.MESSAGE);
            folder.fetch(Arrays.copyOfRange(mails, from, end), bodies);
        }
        return Math.max(end, from + 1);
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

    private static Session session(MailboxSettings.Imap imap) {
        Properties p = new Properties();
        String protocol = imap.security() == MailboxSettings.Security.SSL ? "imaps" : "imap";
        p.setProperty("mail." + protocol + ".connectiontimeout", Long.toString(TIMEOUT.toMillis()));
        p.setProperty("mail." + protocol + ".timeout", Long.toString(TIMEOUT.toMillis()));
        p.setProperty("mail." + protocol + ".writetimeout", Long.toString(TIMEOUT.toMillis()));
        // fetching a message must not mark it seen: that happens after it is durable
        p.setProperty("mail." + protocol + ".peek", "true");
        // a large mail is streamed in blocks of this size, never fetched whole into memory
        p.setProperty("mail." + protocol + ".partialfetch", "true");
        p.setProperty("mail." + protocol + ".fetchsize", Integer.toString(256 * 1024));
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
