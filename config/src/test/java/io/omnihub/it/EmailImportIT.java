package io.omnihub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Mail travels from a real IMAP server (GreenMail) into the hub: one interaction per mail, on the
 * sender's customer, threaded into the right conversation by Message-ID, subject token or
 * Outlook's Thread-Index, never into another customer's thread by a forged In-Reply-To; machine
 * mail is flagged, bounces mark the address instead of opening conversations; and re-reading the
 * mailbox after a crash or a UIDVALIDITY change imports nothing twice.
 */
@WithRunningHub
class EmailImportIT {

    @Autowired
    MailServer mail;
    @Autowired
    HubClient hub;
    @Autowired
    JdbcTemplate jdbc;

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String message(String from, String to, String messageId, String subject, String extraHeaders,
            String body) {
        return "From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject + "\r\nMessage-ID: <" + messageId
                + ">\r\nDate: Tue, 24 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n" + extraHeaders
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + body + "\r\n";
    }

    private Map<String, Object> interaction(String externalId) {
        await().atMost(Duration.ofSeconds(15)).until(() -> count(
                "select count(*) from interaction where channel = 'email' and external_id = ?", externalId) == 1);
        return jdbc.queryForMap("select i.*, c.threading_rule, c.status from interaction i "
                + "join conversation c on c.id = i.conversation_id where i.external_id = ?", externalId);
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    @Test
    void customerMailBecomesAnInteractionAndRepliesThreadByMessageIdSubjectTokenAndThreadIndex() {
        String u = unique();
        String customer = "ada-" + u + "@example.com";
        mail.deliver("support", message("Ada Lovelace <" + customer + ">", "support@hub.test", "first-" + u + "@example.com",
                "Broken engine", "", "The difference engine stopped.\r\n-- \r\nAda"));
        Map<String, Object> first = interaction("first-" + u + "@example.com");
        assertThat(first.get("sender")).isEqualTo(customer);
        assertThat(first.get("body_text").toString()).contains("difference engine");
        assertThat(first.get("threading_rule")).isEqualTo("new-conversation");
        Object conversation = first.get("conversation_id");

        // the customer replies to her own mail (client keeps In-Reply-To)
        mail.deliver("support", message(customer, "support@hub.test", "second-" + u + "@example.com",
                "Re: Broken engine", "In-Reply-To: <first-" + u + "@example.com>\r\n", "Any news?"));
        Map<String, Object> second = interaction("second-" + u + "@example.com");
        assertThat(second.get("conversation_id")).isEqualTo(conversation);
        assertThat(second.get("threading_rule")).isEqualTo("message-id");

        // a client that strips References and In-Reply-To, but the subject keeps the token
        mail.deliver("support", message(customer, "support@hub.test", "third-" + u + "@example.com",
                "Re: [#" + conversation + "] Broken engine", "", "Still waiting."));
        assertThat(interaction("third-" + u + "@example.com").get("conversation_id")).isEqualTo(conversation);

        // Outlook: only Thread-Index, the first 22 bytes naming the thread
        byte[] thread = new byte[27];
        new java.util.Random(u.hashCode()).nextBytes(thread);
        String index = Base64.getEncoder().encodeToString(thread);
        mail.deliver("support", message(customer, "support@hub.test", "outlook1-" + u + "@example.com",
                "Engine part", "Thread-Index: " + Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(thread, 22))
                        + "\r\n", "Ordering a part."));
        Object outlookConversation = interaction("outlook1-" + u + "@example.com").get("conversation_id");
        mail.deliver("support", message(customer, "support@hub.test", "outlook2-" + u + "@example.com",
                "AW: Engine part", "Thread-Index: " + index + "\r\n", "Part arrived."));
        Map<String, Object> outlookReply = interaction("outlook2-" + u + "@example.com");
        assertThat(outlookReply.get("conversation_id")).isEqualTo(outlookConversation);
        assertThat(outlookReply.get("threading_rule")).isEqualTo("thread-index");
    }

    @Test
    void forgedInReplyToNamingAnotherCustomersMailDoesNotJoinThatThread() {
        String u = unique();
        mail.deliver("support", message("victim-" + u + "@example.com", "support@hub.test", "victim-" + u + "@example.com",
                "My invoice", "", "Private matter."));
        Object victimConversation = interaction("victim-" + u + "@example.com").get("conversation_id");

        mail.deliver("support", message("mallory-" + u + "@example.net", "support@hub.test", "forged-" + u + "@example.net",
                "Re: My invoice [#" + victimConversation + "]", "In-Reply-To: <victim-" + u + "@example.com>\r\n"
                        + "References: <victim-" + u + "@example.com>\r\n", "Let me in."));
        Map<String, Object> forged = interaction("forged-" + u + "@example.net");
        assertThat(forged.get("conversation_id")).isNotEqualTo(victimConversation);
        // it claimed the victim's thread: a conversation of its own, naming the one it claimed
        assertThat(forged.get("threading_rule")).isEqualTo("message-id-other-sender");
        assertThat(forged.get("flags").toString()).contains("CLAIMED_OTHER_THREAD");
    }

    @Test
    void attachmentsAndTheOriginalMessageAreStoredAndTheMailIsMarkedSeen() {
        String u = unique();
        String raw = "From: grace-" + u + "@example.com\r\nTo: help@hub.test\r\nSubject: =?UTF-8?B?UmVjaG51bmcgZsO8ciBNw6Ryeg==?=\r\n"
                + "Message-ID: <att-" + u + "@example.com>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain; charset=ISO-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                + "Gr=FC=DFe, siehe Anhang.\r\n"
                + "--b1\r\nContent-Type: application/pdf; name=\"invoice.pdf\"\r\nContent-Disposition: attachment; filename=\"invoice.pdf\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + Base64.getMimeEncoder().encodeToString(new byte[2048]) + "\r\n"
                + "--b1\r\nContent-Type: application/octet-stream; name=\"big.bin\"\r\nContent-Disposition: attachment; filename=\"big.bin\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + Base64.getMimeEncoder().encodeToString(new byte[200 * 1024]) + "\r\n"
                + "--b1--\r\n";
        mail.deliver("support", raw);
        Map<String, Object> stored = interaction("att-" + u + "@example.com");
        assertThat(stored.get("subject")).isEqualTo("Rechnung für März");
        assertThat(stored.get("body_text").toString()).contains("Grüße, siehe Anhang.");
        List<Map<String, Object>> files = jdbc.queryForList(
                "select file_name, content_type, size_bytes from attachment where interaction_id = ?", stored.get("id"));
        assertThat(files).hasSize(1);
        assertThat(files.get(0)).containsEntry("file_name", "invoice.pdf").containsEntry("size_bytes", 2048L);
        String metadata = stored.get("metadata").toString();
        assertThat(metadata).contains("omittedAttachments").contains("big.bin").contains("\"original\"");
        assertThat(count("select count(*) from blob where sha256 = (select metadata->'original'->>'sha256' "
                + "from interaction where id = ?)", stored.get("id"))).isEqualTo(1);
        var original = hub.send(java.net.http.HttpRequest.newBuilder(hub.uri("/api/v1/interactions/" + stored.get("id")
                + "/original")).header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (HubClient.ADMIN + ":" + HubClient.ADMIN_PASSWORD).getBytes())));
        assertThat(original.statusCode()).isEqualTo(200);
        assertThat(original.headers().firstValue("Content-Disposition").orElse("")).contains(".eml");
        assertThat(original.body()).contains("Message-ID: <att-" + u + "@example.com>").contains("invoice.pdf");
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            int[] seenAndTotal = mail.seenAndTotal("support", "INBOX");
            return seenAndTotal[0] == seenAndTotal[1];
        });
    }

    @Test
    void autoRepliesAreFlaggedAndBouncesMarkTheAddressWithoutOpeningConversations() {
        String u = unique();
        String customer = "traveller-" + u + "@example.com";
        mail.deliver("support", message(customer, "support@hub.test", "hello-" + u + "@example.com", "Question", "",
                "Hello"));
        interaction("hello-" + u + "@example.com");

        mail.deliver("support", message(customer, "support@hub.test", "ooo-" + u + "@example.com",
                "Out of office", "Auto-Submitted: auto-replied\r\n", "I am away."));
        assertThat(interaction("ooo-" + u + "@example.com").get("flags").toString()).contains("AUTO_SUBMITTED");

        String bounce = "From: MAILER-DAEMON@mx.example.com\r\nTo: support@hub.test\r\nSubject: Undelivered Mail Returned to Sender\r\n"
                + "Message-ID: <bounce-" + u + "@mx.example.com>\r\nMIME-Version: 1.0\r\nReturn-Path: <>\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"r\"\r\n\r\n"
                + "--r\r\nContent-Type: text/plain\r\n\r\nYour message could not be delivered.\r\n"
                + "--r\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.com\r\n\r\n"
                + "Final-Recipient: rfc822; " + customer + "\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n--r--\r\n";
        String conversationsOfCustomer = "select count(*) from conversation where customer_id = "
                + "(select customer_id from contact_point where value = ?)";
        long conversationsBefore = count(conversationsOfCustomer, customer);
        mail.deliver("support", bounce);
        await().atMost(Duration.ofSeconds(15)).until(() -> count(
                "select count(*) from contact_point where value = ? and bouncing", customer) == 1);
        assertThat(count("select count(*) from interaction where external_id = ?", "bounce-" + u + "@mx.example.com"))
                .isZero();
        assertThat(count("select count(*) from quarantined_submission where external_id = ?",
                "bounce-" + u + "@mx.example.com")).isEqualTo(1);
        assertThat(count(conversationsOfCustomer, customer)).isEqualTo(conversationsBefore);
    }

    @Test
    void rereadingTheMailboxAfterACrashOrAUidValidityChangeImportsNothingTwice() {
        String u = unique();
        for (int i = 0; i < 5; i++) {
            mail.deliver("support", message("batch-" + u + "@example.com", "support@hub.test",
                    "batch-" + i + "-" + u + "@example.com", "Batch " + i, "", "Message " + i));
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> count(
                "select count(*) from interaction where sender = ?", "batch-" + u + "@example.com") == 5);

        // as if the hub had died after the bus took the mail but before the cursor moved and the
        // mail was marked seen: everything is read again
        mail.markAllUnseen("support");
        jdbc.update("update mail_cursor set last_uid = 0 where folder = 'INBOX' and inbox_id = "
                + "(select id from inbox where key = 'support')");
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            int[] seen = mail.seenAndTotal("support", "INBOX");
            return seen[0] == seen[1];
        });
        // and as if the server had renumbered the folder
        jdbc.update("update mail_cursor set uid_validity = uid_validity + 1000 where folder = 'INBOX' and inbox_id = "
                + "(select id from inbox where key = 'support')");
        String marker = "after-" + u + "@example.com";
        mail.deliver("support", message("batch-" + u + "@example.com", "support@hub.test", marker, "After", "", "Later"));
        interaction(marker);
        assertThat(count("select count(*) from interaction where sender = ?", "batch-" + u + "@example.com"))
                .isEqualTo(6);
    }

    @Test
    void aThousandMailMailboxImportsExactlyAThousandAndMovesThemAway() {
        String u = unique();
        for (int i = 0; i < 1000; i++) {
            mail.deliver("archive", message("sender-" + (i % 50) + "-" + u + "@example.com", "archive@hub.test",
                    "bulk-" + i + "-" + u + "@example.com", "Order " + i, "", "Where is order " + i + "?"));
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> count(
                "select count(*) from interaction where channel = 'email' and external_id like ?",
                "bulk-%-" + u + "@example.com") == 1000);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(mail.seenAndTotal("archive", "Imported")[1]).as("moved to Imported").isEqualTo(1000);
            assertThat(mail.seenAndTotal("archive", "INBOX")[1]).as("left in INBOX").isZero();
        });
        assertThat(count("select count(distinct customer_id) from interaction where external_id like ?",
                "bulk-%-" + u + "@example.com")).isEqualTo(50);
    }
}
