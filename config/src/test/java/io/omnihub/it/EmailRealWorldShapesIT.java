package io.omnihub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Mail the way real clients and servers send it, through IMAP into the store: a different mail
 * reusing a Message-ID already seen is recorded on its own (flagged ID_REUSED), while the same mail
 * delivered twice is recorded once; NUL bytes in a subject or body are removed (flag NUL_REMOVED)
 * and the rest of the text reads as written; a calendar invitation's nameless part is kept as
 * {@code invite.ics}.
 */
@WithRunningHub
class EmailRealWorldShapesIT {

    @Autowired
    MailServer mail;
    @Autowired
    JdbcTemplate jdbc;

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String message(String from, String messageId, String subject, String body) {
        return "From: " + from + "\r\nTo: support@hub.test\r\nSubject: " + subject + "\r\nMessage-ID: <" + messageId
                + ">\r\nDate: Tue, 24 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + body + "\r\n";
    }

    private List<Map<String, Object>> withMessageId(String messageId) {
        return jdbc.queryForList("select external_id, sender, body_text, flags::text as flags, customer_id "
                + "from interaction where external_id like ? order by id", messageId + "%");
    }

    @Test
    void aDifferentMailReusingAMessageIdIsRecordedOnItsOwnTheSameMailTwiceOnce() {
        String u = unique();
        String messageId = "reused-" + u + "@broken-client.example";
        String first = message("alice-" + u + "@example.com", messageId, "Invoice question", "Where is my invoice?");
        mail.deliver("support", first);
        await().atMost(Duration.ofSeconds(15)).until(() -> withMessageId(messageId).size() == 1);

        // the same mail again (a second delivery), then another sender's mail with the same id
        mail.deliver("support", first);
        mail.deliver("support", message("mallory-" + u + "@evil.example", messageId, "Hello", "Something else"));

        await().atMost(Duration.ofSeconds(15)).until(() -> withMessageId(messageId).size() == 2);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> withMessageId(messageId).size() == 2);
        List<Map<String, Object>> recorded = withMessageId(messageId);
        assertThat(recorded.get(0).get("external_id")).isEqualTo(messageId);
        assertThat(recorded.get(0).get("sender")).isEqualTo("alice-" + u + "@example.com");
        assertThat((String) recorded.get(1).get("external_id")).startsWith(messageId + "#");
        assertThat(recorded.get(1).get("sender")).isEqualTo("mallory-" + u + "@evil.example");
        assertThat(recorded.get(1).get("body_text")).isEqualTo("Something else");
        assertThat((String) recorded.get(1).get("flags")).contains("ID_REUSED");
        assertThat(recorded.get(1).get("customer_id")).isNotEqualTo(recorded.get(0).get("customer_id"));
    }

    @Test
    void nulBytesInSubjectAndBodyAreRemovedAndTheRestReadsAsWritten() {
        String u = unique();
        String messageId = "nul-" + u + "@ups.example";
        byte[] raw = message("ups-" + u + "@example.com", messageId, "UPS-2: on battery\0",
                "Input power lost at 03:12.\0\0 Running on battery, ~18 min left. Grüße").getBytes(StandardCharsets.UTF_8);
        mail.deliverRaw("support", raw);

        await().atMost(Duration.ofSeconds(15)).until(() -> withMessageId(messageId).size() == 1);
        Map<String, Object> row = jdbc.queryForMap("select subject, body_text, flags::text as flags from interaction "
                + "where external_id = ?", messageId);
        assertThat(row.get("subject")).isEqualTo("UPS-2: on battery");
        assertThat(row.get("body_text")).isEqualTo("Input power lost at 03:12. Running on battery, ~18 min left. Grüße");
        assertThat((String) row.get("flags")).contains("NUL_REMOVED");
    }

    @Test
    void anOutlookInvitationKeepsItsNamelessCalendarPartAsInviteIcs() {
        String u = unique();
        String messageId = "invite-" + u + "@outlook.example";
        String boundary = "_000_" + u;
        String raw = "From: Bob Organizer <bob-" + u + "@example.com>\r\nTo: support@hub.test\r\n"
                + "Subject: Quarterly review\r\nMessage-ID: <" + messageId + ">\r\n"
                + "Date: Tue, 24 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n\r\n"
                + "--" + boundary + "\r\nContent-Type: text/plain; charset=\"us-ascii\"\r\n\r\nPlease join.\r\n"
                + "--" + boundary + "\r\nContent-Type: text/calendar; charset=\"utf-8\"; method=REQUEST\r\n"
                + "Content-Transfer-Encoding: 7bit\r\n\r\nBEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\n"
                + "SUMMARY:Quarterly review\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n--" + boundary + "--\r\n";
        mail.deliver("support", raw);

        await().atMost(Duration.ofSeconds(15)).until(() -> withMessageId(messageId).size() == 1);
        assertThat(jdbc.queryForList("select a.file_name from attachment a join interaction i on i.id = a.interaction_id "
                + "where i.external_id = ?", String.class, messageId)).containsExactly("invite.ics");
    }
}
