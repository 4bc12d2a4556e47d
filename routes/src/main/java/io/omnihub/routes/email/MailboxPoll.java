package io.omnihub.routes.email;

import io.omnihub.connectors.email.MailboxImporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of one mailbox, which never stops the mailbox's timer: whatever fails (the server is
 * unreachable, a login is refused, even memory runs out) is recorded in {@link MailboxStatus} for
 * health and tried again at the next interval. A failure is logged when it starts, then once
 * every 20 polls while it lasts, not at every poll.
 */
final class MailboxPoll {

    private static final Logger log = LoggerFactory.getLogger(MailboxPoll.class);
    private static final int LOG_EVERY = 20;

    /** What a poll does: {@link MailboxImporter#poll()}. */
    @FunctionalInterface
    interface Poller {
        MailboxImporter.Outcome poll() throws Exception;
    }

    private final String inbox;
    private final Poller importer;
    private final MailboxStatus status;
    private int failures;

    MailboxPoll(String inbox, Poller importer, MailboxStatus status) {
        this.inbox = inbox;
        this.importer = importer;
        this.status = status;
        status.configured(inbox);
    }

    public void run() {
        try {
            MailboxImporter.Outcome outcome = importer.poll();
            status.polled(inbox, outcome.imported(), outcome.leased(), outcome.leaseHolder());
            if (failures > 0) {
                log.info("mailbox {}: polling works again after {} failed polls", inbox, failures);
            }
            failures = 0;
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            failures++;
            status.failed(inbox, e);
            if (failures == 1 || failures % LOG_EVERY == 0) {
                log.warn("mailbox {}: poll failed ({} in a row), trying again at the next interval: {}", inbox,
                        failures, e.toString());
            }
        }
    }
}
