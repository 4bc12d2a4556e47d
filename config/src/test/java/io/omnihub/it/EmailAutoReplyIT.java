package io.omnihub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A mailbox that acknowledges new requests: the acknowledgement carries RFC 3834's headers so no
 * responder answers it, goes to one address at most once per hour, and is never sent in answer to
 * an auto-reply or a bounce. No loop can start.
 */
@WithRunningHub
class EmailAutoReplyIT {

    @Autowired
    MailServer mail;
    @Autowired
    JdbcTemplate jdbc;

    private static String raw(String from, String messageId, String subject, String headers) {
        return "From: " + from + "\r\nTo: ack@hub.test\r\nSubject: " + subject + "\r\nMessage-ID: <" + messageId
                + ">\r\nMIME-Version: 1.0\r\n" + headers + "Content-Type: text/plain\r\n\r\nHello\r\n";
    }

    private Object conversationOf(String externalId) {
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "select count(*) from interaction where external_id = ?", Long.class, externalId) == 1);
        return jdbc.queryForObject("select conversation_id from interaction where external_id = ?", Long.class,
                externalId);
    }

    @Test
    void aNewRequestIsAcknowledgedOnceWithAutoReplyHeaders() throws Exception {
        String u = UUID.randomUUID().toString().substring(0, 8);
        String customer = "ack-" + u + "@example.com";
        mail.deliver("ack", raw(customer, "a1-" + u + "@example.com", "Broken zipper", ""));
        Object conversation = conversationOf("a1-" + u + "@example.com");
        await().atMost(Duration.ofSeconds(15)).until(() -> mail.receivedFor(customer).size() == 1);
        MimeMessage ack = mail.receivedFor(customer).get(0);
        assertThat(ack.getHeader("Auto-Submitted")).containsExactly("auto-replied");
        assertThat(ack.getHeader("X-Auto-Response-Suppress")).containsExactly("All");
        assertThat(ack.getHeader("In-Reply-To")).containsExactly("<a1-" + u + "@example.com>");
        assertThat(ack.getSubject()).isEqualTo("Re: Broken zipper [#" + conversation + "]");
        assertThat(ack.getContent().toString()).isNotNull();

        // a second request from the same address within the hour: recorded, not acknowledged again
        mail.deliver("ack", raw(customer, "a2-" + u + "@example.com", "Another thing", ""));
        assertThat(conversationOf("a2-" + u + "@example.com")).isNotEqualTo(conversation);
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(10))
                .until(() -> mail.receivedFor(customer).size() == 1);
    }

    @Test
    void autoRepliesAndBouncesAreNeverAcknowledged() throws Exception {
        String u = UUID.randomUUID().toString().substring(0, 8);
        String responder = "away-" + u + "@example.com";
        mail.deliver("ack", raw(responder, "ooo-" + u + "@example.com", "Automatic reply: Your request",
                "Auto-Submitted: auto-replied\r\n"));
        conversationOf("ooo-" + u + "@example.com");
        String list = "news-" + u + "@example.com";
        mail.deliver("ack", raw(list, "list-" + u + "@example.com", "Weekly news", "List-Id: <news.example.com>\r\n"));
        conversationOf("list-" + u + "@example.com");
        mail.deliver("ack", "From: MAILER-DAEMON@mx.example.com\r\nTo: ack@hub.test\r\nSubject: Undelivered Mail\r\n"
                + "Message-ID: <b-" + u + "@mx.example.com>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=r\r\n\r\n"
                + "--r\r\nContent-Type: text/plain\r\n\r\nfailed\r\n--r\r\nContent-Type: message/delivery-status\r\n\r\n"
                + "Reporting-MTA: dns; mx.example.com\r\n\r\nFinal-Recipient: rfc822; " + responder
                + "\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n--r--\r\n");
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "select count(*) from quarantined_submission where external_id = ?", Long.class,
                "b-" + u + "@mx.example.com") == 1);
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(10))
                .until(() -> mail.receivedFor(responder).isEmpty());
        assertThat(mail.receivedFor(responder)).isEmpty();
        assertThat(mail.receivedFor(list)).isEmpty();
        assertThat(mail.receivedFor("mailer-daemon@mx.example.com")).isEmpty();
    }
}
