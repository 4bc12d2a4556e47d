package io.omnihub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A node that died in the middle of a poll leaves its mailbox lease behind; it lasts 20 s (the
 * live node renews its lease every 5 s while it polls), so another node takes the mailbox over
 * within 30 s of the death — not the minutes a lease sized for the slowest poll would block it.
 */
@WithRunningHub
class MailboxLeaseTakeoverIT {

    @Autowired
    MailServer mail;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aDeadNodesLeaseIsTakenOverWithinThirtySeconds() {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from mail_cursor c join inbox i on i.id = c.inbox_id where i.key = 'takeover'",
                Integer.class) == 1);
        // what a node killed mid-poll leaves: its lease, as fresh as its last heartbeat
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.update("""
                update mail_cursor set lease_owner = 'dead-node', lease_until = now() + interval '20 seconds'
                 where inbox_id = (select id from inbox where key = 'takeover')
                   and (lease_owner is null or lease_owner = 'dead-node')""") == 1);
        long diedAt = System.nanoTime();
        String messageId = "takeover-" + UUID.randomUUID() + "@example.com";
        mail.deliver("takeover", "From: ada@example.com\r\nTo: takeover@hub.test\r\nSubject: still there?\r\n"
                + "Message-ID: <" + messageId + ">\r\n\r\nHello\r\n");

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from interaction where external_id = ?", Integer.class, messageId) == 1);
        assertThat(Duration.ofNanos(System.nanoTime() - diedAt)).isGreaterThanOrEqualTo(Duration.ofSeconds(15));
        assertThat(jdbc.queryForObject("select count(*) from mail_cursor c join inbox i on i.id = c.inbox_id "
                + "where i.key = 'takeover' and lease_owner = 'dead-node'", Integer.class)).isZero();
    }
}
