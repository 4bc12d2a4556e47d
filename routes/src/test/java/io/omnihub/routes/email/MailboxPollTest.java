package io.omnihub.routes.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnihub.connectors.email.MailboxImporter;
import jakarta.mail.MessagingException;
import java.net.ConnectException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;

/**
 * A poll that fails, however it fails, never stops its mailbox: the failure (an unreachable
 * server, even running out of memory) is what health shows for that mailbox, and the next poll
 * runs and, when it works, shows the mailbox UP again.
 */
class MailboxPollTest {

    private final MailboxStatus status = new MailboxStatus(Clock.systemUTC());
    private final Deque<Object> outcomes = new ArrayDeque<>();

    private final MailboxPoll poll = new MailboxPoll("support", () -> {
        Object next = outcomes.pop();
        if (next instanceof Exception e) {
            throw e;
        }
        if (next instanceof Error e) {
            throw e;
        }
        return (MailboxImporter.Outcome) next;
    }, status);

    @Test
    void aMailboxIsUnknownUntilItsFirstPoll() {
        assertThat(status.all().get("support").state()).isEqualTo(MailboxStatus.State.UNKNOWN);
    }

    @Test
    void anUnreachableServerShowsTheMailboxDownWithTheReasonUntilAPollWorks() {
        outcomes.add(new MessagingException("Couldn't connect to host, port: imap.example.com, 993",
                new ConnectException("Connection refused")));
        outcomes.add(new MessagingException("Couldn't connect", new ConnectException("Connection refused")));
        outcomes.add(new MailboxImporter.Outcome(3, true, false, null));

        poll.run();
        poll.run();
        MailboxStatus.Mailbox down = status.all().get("support");
        assertThat(down.state()).isEqualTo(MailboxStatus.State.DOWN);
        assertThat(down.lastError()).contains("Couldn't connect");
        assertThat(down.failuresInARow()).isEqualTo(2);

        poll.run();
        MailboxStatus.Mailbox up = status.all().get("support");
        assertThat(up.state()).isEqualTo(MailboxStatus.State.UP);
        assertThat(up.failuresInARow()).isZero();
        assertThat(up.imported()).isEqualTo(3);
        assertThat(up.lastFailure()).isNotNull();
    }

    @Test
    void runningOutOfMemoryDoesNotStopTheMailbox() {
        outcomes.add(new OutOfMemoryError("Java heap space"));
        outcomes.add(new MailboxImporter.Outcome(1, true, false, null));

        poll.run();
        assertThat(status.all().get("support").state()).isEqualTo(MailboxStatus.State.DOWN);
        assertThat(status.all().get("support").lastError()).contains("OutOfMemoryError");

        poll.run();
        assertThat(status.all().get("support").state()).isEqualTo(MailboxStatus.State.UP);
    }

    @Test
    void aMailboxAnotherNodeImportsIsUpAndSaysWhich() {
        outcomes.add(new MailboxImporter.Outcome(0, false, false, "hub-2-abc"));
        poll.run();
        assertThat(status.all().get("support").state()).isEqualTo(MailboxStatus.State.UP);
        assertThat(status.all().get("support").importedBy()).isEqualTo("hub-2-abc");
    }
}
