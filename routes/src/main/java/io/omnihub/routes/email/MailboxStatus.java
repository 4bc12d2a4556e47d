package io.omnihub.routes.email;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * How each mailbox's polling goes, as health reports it: UP after a poll that worked (or found the
 * mailbox leased by another node), DOWN with the reason after one that failed (server unreachable,
 * login refused, out of memory...), UNKNOWN before the first poll.
 */
@Component
public class MailboxStatus {

    public enum State { UNKNOWN, UP, DOWN }

    /**
     * One mailbox.
     *
     * @param failuresInARow polls that failed since the last that worked
     * @param importedBy     the node holding the mailbox's lease when it was not this one
     */
    public record Mailbox(State state, Instant lastSuccess, Instant lastFailure, String lastError, int failuresInARow,
            long imported, String importedBy) {
    }

    private final Map<String, Mailbox> mailboxes = new ConcurrentHashMap<>();
    private final Clock clock;

    MailboxStatus(Clock clock) {
        this.clock = clock;
    }

    void configured(String inbox) {
        mailboxes.putIfAbsent(inbox, new Mailbox(State.UNKNOWN, null, null, null, 0, 0, null));
    }

    void polled(String inbox, int imported, boolean leased, String leaseHolder) {
        mailboxes.compute(inbox, (key, was) -> new Mailbox(State.UP, clock.instant(),
                was == null ? null : was.lastFailure(), was == null ? null : was.lastError(), 0,
                (was == null ? 0 : was.imported()) + imported, leased ? null : leaseHolder));
    }

    /** @return whether this failure is the first of a series (worth a log line of its own) */
    boolean failed(String inbox, Throwable failure) {
        String reason = failure.getMessage() == null ? failure.getClass().getSimpleName()
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        Mailbox now = mailboxes.compute(inbox, (key, was) -> new Mailbox(State.DOWN,
                was == null ? null : was.lastSuccess(), clock.instant(), reason,
                (was == null ? 0 : was.failuresInARow()) + 1, was == null ? 0 : was.imported(), null));
        return now.failuresInARow() == 1;
    }

    /** Every configured mailbox, by inbox key. */
    public Map<String, Mailbox> all() {
        return new TreeMap<>(mailboxes);
    }
}
