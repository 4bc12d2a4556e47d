package io.omnihub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The round trip support staff live in: a customer writes, an agent replies through the API, the
 * reply leaves over SMTP with our signed Message-ID, the customer's mail client answers that, and
 * the answer lands in the same conversation, round after round; also when the client strips
 * References, and when Outlook sends nothing but its Thread-Index. A forged id does not get in.
 */
@WithRunningHub
class EmailReplyRoundTripIT {

    @Autowired
    MailServer mail;
    @Autowired
    HubClient hub;
    @Autowired
    JdbcTemplate jdbc;

    private Map<String, Object> interaction(String externalId) {
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "select count(*) from interaction where external_id = ?", Long.class, externalId) == 1);
        return jdbc.queryForMap("select i.*, c.threading_rule from interaction i join conversation c "
                + "on c.id = i.conversation_id where i.external_id = ?", externalId);
    }

    private static String raw(String from, String messageId, String subject, String headers, String body) {
        return "From: " + from + "\r\nTo: support@hub.test\r\nSubject: " + subject + "\r\nMessage-ID: <" + messageId
                + ">\r\nMIME-Version: 1.0\r\n" + headers + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + body
                + "\r\n";
    }

    /** The agent answers; returns the mail as the customer receives it. */
    private MimeMessage agentReplies(Object conversation, String customer, String text) throws Exception {
        int before = mail.receivedFor(customer).size();
        HttpResponse<String> answer = hub.postJsonAsAdmin("/api/v1/conversations/" + conversation + "/replies",
                Map.of("text", text));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        long replyId = hub.read(answer.body()).get("interactionId").asLong();
        await().atMost(Duration.ofSeconds(15)).until(() -> mail.receivedFor(customer).size() == before + 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> "SENT".equals(jdbc.queryForObject(
                "select delivery_status from interaction where id = ?", String.class, replyId)));
        return mail.receivedFor(customer).get(before);
    }

    private static String id(MimeMessage m) throws Exception {
        String value = m.getHeader("Message-ID")[0];
        return value.substring(1, value.length() - 1);
    }

    @Test
    void threeRoundsOfRepliesStayInOneConversation() throws Exception {
        String u = UUID.randomUUID().toString().substring(0, 8);
        String customer = "round-" + u + "@example.com";
        mail.deliver("support", raw(customer, "start-" + u + "@example.com", "Password reset", "", "I am locked out."));
        Object conversation = interaction("start-" + u + "@example.com").get("conversation_id");

        String previousCustomerId = "start-" + u + "@example.com";
        for (int round = 1; round <= 3; round++) {
            MimeMessage reply = agentReplies(conversation, customer, "Round " + round + ": please try again.");
            assertThat(reply.getSubject()).contains("[#" + conversation + "]").startsWith("Re: Password reset");
            assertThat(id(reply)).startsWith("omh." + conversation + ".").endsWith("@hub.test");
            assertThat(reply.getHeader("In-Reply-To")[0]).isEqualTo("<" + previousCustomerId + ">");
            assertThat(reply.getHeader("References")[0]).contains("<start-" + u + "@example.com>");
            assertThat(reply.getFrom()[0].toString()).contains("support@hub.test");

            String answerId = "answer-" + round + "-" + u + "@example.com";
            mail.deliver("support", raw(customer, answerId, "Re: " + reply.getSubject(),
                    "In-Reply-To: <" + id(reply) + ">\r\nReferences: <start-" + u + "@example.com> <" + id(reply)
                            + ">\r\n", "Round " + round + ": still locked out."));
            Map<String, Object> answer = interaction(answerId);
            assertThat(answer.get("conversation_id")).isEqualTo(conversation);
            assertThat(answer.get("threading_rule")).isEqualTo("signed-message-id");
            previousCustomerId = answerId;
        }
        assertThat(jdbc.queryForObject("select count(*) from interaction where conversation_id = ?", Long.class,
                conversation)).isEqualTo(7);
        await().atMost(Duration.ofSeconds(5)).until(() -> mail.seenAndTotal("support", "Sent")[1] >= 3);
    }

    @Test
    void repliesThreadWhenTheClientStripsReferencesAndWhenOutlookSendsOnlyItsThreadIndex() throws Exception {
        String u = UUID.randomUUID().toString().substring(0, 8);
        String customer = "strip-" + u + "@example.com";
        mail.deliver("support", raw(customer, "s-" + u + "@example.com", "Delivery date", "", "When?"));
        Object conversation = interaction("s-" + u + "@example.com").get("conversation_id");

        MimeMessage reply = agentReplies(conversation, customer, "Tomorrow.");
        // a client that keeps only In-Reply-To, and drops the token from the subject
        mail.deliver("support", raw(customer, "s2-" + u + "@example.com", "Re: Delivery date",
                "In-Reply-To: <" + id(reply) + ">\r\n", "Thanks"));
        assertThat(interaction("s2-" + u + "@example.com").get("conversation_id")).isEqualTo(conversation);

        // Outlook: no In-Reply-To, no References, a new subject; only our Thread-Index plus 5 bytes
        MimeMessage second = agentReplies(conversation, customer, "Anything else?");
        byte[] index = Base64.getDecoder().decode(second.getHeader("Thread-Index")[0]);
        byte[] child = java.util.Arrays.copyOf(index, index.length + 5);
        child[child.length - 1] = 7;
        mail.deliver("support", raw(customer, "s3-" + u + "@example.com", "AW: Lieferung",
                "Thread-Index: " + Base64.getEncoder().encodeToString(child) + "\r\nThread-Topic: Lieferung\r\n",
                "Nein, danke."));
        Map<String, Object> outlook = interaction("s3-" + u + "@example.com");
        assertThat(outlook.get("conversation_id")).isEqualTo(conversation);
        assertThat(outlook.get("threading_rule")).isEqualTo("thread-index");
    }

    @Test
    void aForgedSignedIdDoesNotJoinAnotherConversation() throws Exception {
        String u = UUID.randomUUID().toString().substring(0, 8);
        String customer = "owner-" + u + "@example.com";
        mail.deliver("support", raw(customer, "o-" + u + "@example.com", "Contract", "", "Question"));
        Object conversation = interaction("o-" + u + "@example.com").get("conversation_id");
        MimeMessage reply = agentReplies(conversation, customer, "Answer");
        // an attacker guesses the scheme but not the secret: a tampered signature
        String forged = id(reply).replaceAll("\\.[0-9a-f]{32}@", ".00000000000000000000000000000000@");
        mail.deliver("support", raw("intruder-" + u + "@example.net", "x-" + u + "@example.net", "Re: Contract",
                "In-Reply-To: <" + forged + ">\r\n", "Let me in"));
        Map<String, Object> intruder = interaction("x-" + u + "@example.net");
        assertThat(intruder.get("conversation_id")).isNotEqualTo(conversation);
        assertThat(intruder.get("threading_rule")).isEqualTo("new-conversation");
    }

    @Test
    void aReplyToABouncingAddressIsRefusedWithTheReason() {
        String u = UUID.randomUUID().toString().substring(0, 8);
        String customer = "gone-" + u + "@example.com";
        mail.deliver("support", raw(customer, "g-" + u + "@example.com", "Hello", "", "Hi"));
        Object conversation = interaction("g-" + u + "@example.com").get("conversation_id");
        jdbc.update("update contact_point set bouncing = true where value = ?", customer);
        HttpResponse<String> refused = hub.postJsonAsAdmin("/api/v1/conversations/" + conversation + "/replies",
                Map.of("text", "Are you there?"));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("bounces");
    }

    @Test
    void aReplyCarriesTheFilesTheAgentAttached() throws Exception {
        String u = UUID.randomUUID().toString().substring(0, 8);
        String customer = "files-" + u + "@example.com";
        mail.deliver("support", raw(customer, "f-" + u + "@example.com", "Invoice copy", "", "Please resend it."));
        Object conversation = interaction("f-" + u + "@example.com").get("conversation_id");
        byte[] pdf = new byte[5000];
        new java.util.Random(5).nextBytes(pdf);
        HubClient.Multipart form = new HubClient.Multipart().field("text", "Here it is.")
                .file("file", "Rechnung März.pdf", "application/pdf", pdf);
        HttpResponse<String> answer = hub.post("/api/v1/conversations/" + conversation + "/replies",
                form.contentType(), form.bytes(), "Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (HubClient.ADMIN + ":" + HubClient.ADMIN_PASSWORD).getBytes()));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(15)).until(() -> mail.receivedFor(customer).size() == 1);
        MimeMessage received = mail.receivedFor(customer).get(0);
        var mixed = (jakarta.mail.internet.MimeMultipart) received.getContent();
        assertThat(mixed.getCount()).isEqualTo(2);
        var file = mixed.getBodyPart(1);
        assertThat(jakarta.mail.internet.MimeUtility.decodeText(file.getFileName())).isEqualTo("Rechnung März.pdf");
        assertThat(file.getInputStream().readAllBytes()).isEqualTo(pdf);
        assertThat(jdbc.queryForObject("select count(*) from attachment a join interaction i on i.id = a.interaction_id "
                + "where i.conversation_id = ? and i.direction = 'OUTBOUND'", Long.class, conversation)).isEqualTo(1);
    }

    @Test
    void aReplyWhoseBusMessageWasLostIsSentByTheSweep() throws Exception {
        String u = UUID.randomUUID().toString().substring(0, 8);
        String customer = "lost-" + u + "@example.com";
        mail.deliver("support", raw(customer, "l-" + u + "@example.com", "Lost reply", "", "Hello"));
        Map<String, Object> in = interaction("l-" + u + "@example.com");
        // as if the hub died after committing the reply and before its bus message was sent
        jdbc.update("insert into interaction (conversation_id, customer_id, inbox_id, channel, direction, kind, "
                + "external_id, occurred_at, sender, subject, body_text, delivery_status, metadata) "
                + "values (?, ?, ?, 'email', 'OUTBOUND', 'MESSAGE', ?, now(), 'admin', 'Re: Lost reply', "
                + "'Sorry for the wait.', 'QUEUED', jsonb_build_object('to', ?::text))",
                in.get("conversation_id"), in.get("customer_id"), in.get("inbox_id"), "reply-lost-" + u, customer);
        await().atMost(Duration.ofSeconds(20)).until(() -> mail.receivedFor(customer).size() == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> "SENT".equals(jdbc.queryForObject(
                "select delivery_status from interaction where external_id = ?", String.class, "reply-lost-" + u)));
        // the sweep runs again meanwhile: a SENT reply is never sent twice
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> mail.receivedFor(customer).size() == 1);
    }

    /** A Postfix-style delivery report: machine-readable status, then the returned mail's header block. */
    private static String postfixBounce(String reportId, String failed, String returnedId) {
        return "From: MAILER-DAEMON@mx.example.net (Mail Delivery System)\r\nTo: support@hub.test\r\n"
                + "Subject: Undelivered Mail Returned to Sender\r\nMessage-ID: <" + reportId + ">\r\n"
                + "Auto-Submitted: auto-replied\r\nMIME-Version: 1.0\r\nContent-Type: multipart/report; "
                + "report-type=delivery-status; boundary=\"B1\"\r\n\r\n"
                + "--B1\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nI'm sorry to have to inform you "
                + "that your message could not be delivered.\r\n\r\n"
                + "--B1\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.net\r\n"
                + "Arrival-Date: Wed,  2 Dec 2026 10:00:00 +0000 (UTC)\r\n\r\nFinal-Recipient: rfc822; " + failed
                + "\r\nOriginal-Recipient: rfc822;" + failed + "\r\nAction: failed\r\nStatus: 5.1.1\r\n"
                + "Remote-MTA: dns; mx.example.com\r\nDiagnostic-Code: smtp; 550 5.1.1 <" + failed
                + ">: Recipient address rejected: User unknown\r\n\r\n"
                + "--B1\r\nContent-Type: text/rfc822-headers\r\n\r\nFrom: Support <support@hub.test>\r\n"
                + "To: " + failed + "\r\nSubject: Re: Parcel\r\nMessage-ID: <" + returnedId + ">\r\n\r\n--B1--\r\n";
    }

    /** Gmail's shape: In-Reply-To and References name the failed mail, which comes back whole as message/rfc822. */
    private static String gmailBounce(String reportId, String failed, String returnedId) {
        return "From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>\r\nTo: support@hub.test\r\n"
                + "Subject: Delivery Status Notification (Failure)\r\nMessage-ID: <" + reportId + ">\r\n"
                + "In-Reply-To: <" + returnedId + ">\r\nReferences: <" + returnedId + ">\r\n"
                + "Auto-Submitted: auto-replied\r\nMIME-Version: 1.0\r\nContent-Type: multipart/report; "
                + "boundary=\"g2\"; report-type=delivery-status\r\n\r\n"
                + "--g2\r\nContent-Type: multipart/related; boundary=\"g3\"\r\n\r\n--g3\r\n"
                + "Content-Type: text/html; charset=\"UTF-8\"\r\n\r\n<html><body><h2>Address not found</h2>"
                + "<p>Your message wasn't delivered to " + failed + " because the address couldn't be found."
                + "</p></body></html>\r\n--g3--\r\n"
                + "--g2\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; googlemail.com\r\n"
                + "\r\nFinal-Recipient: rfc822; " + failed + "\r\nAction: failed\r\nStatus: 5.1.1\r\n"
                + "Diagnostic-Code: smtp; 550-5.1.1 The email account that you tried to reach does not exist.\r\n"
                + "\r\n--g2\r\nContent-Type: message/rfc822\r\n\r\nFrom: support@hub.test\r\nTo: " + failed
                + "\r\nSubject: Re: Parcel\r\nMessage-ID: <" + returnedId + ">\r\n\r\nWe sent it today.\r\n"
                + "\r\n--g2--\r\n";
    }

    private Map<String, Object> replySentAs(String messageId) {
        return jdbc.queryForMap("select id, delivery_status, delivery_error from interaction "
                + "where direction = 'OUTBOUND' and metadata ->> 'messageId' = ?", messageId);
    }

    private void awaitQuarantined(String reportId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from quarantined_submission where external_id = ?", Long.class, reportId) == 1);
    }

    @Test
    void aBounceOfOurReplyFailsItAndForgedOrOtherRecipientsReportsFailNothing() throws Exception {
        String u = UUID.randomUUID().toString().substring(0, 8);
        String customer = "gone-" + u + "@example.com";
        mail.deliver("support", raw(customer, "p-" + u + "@example.com", "Parcel", "", "Where is it?"));
        Object conversation = interaction("p-" + u + "@example.com").get("conversation_id");

        // the customer's server refuses the reply: the reply is FAILED with its words, the address bounces
        String first = id(agentReplies(conversation, customer, "We sent it today."));
        mail.deliver("support", postfixBounce("dsn1-" + u + "@mx.example.net", customer, first));
        await().atMost(Duration.ofSeconds(60)).until(() -> "FAILED".equals(replySentAs(first).get("delivery_status")));
        assertThat(replySentAs(first).get("delivery_error").toString())
                .contains("bounced", "mailer-daemon@mx.example.net", customer, "5.1.1", "User unknown");
        assertThat(jdbc.queryForObject("select bouncing from contact_point where value = ?", Boolean.class, customer))
                .isTrue();
        assertThat(jdbc.queryForObject("select count(*) from interaction where external_id = ?", Long.class,
                "dsn1-" + u + "@mx.example.net")).isZero();
        assertThat(jdbc.queryForObject("select count(*) from outbox where event_type = 'DeliveryStatusChanged' "
                + "and payload ->> 'interactionId' = ? and payload ->> 'status' = 'FAILED'", Long.class,
                replySentAs(first).get("id").toString())).isEqualTo(1);

        // the address works again; a report with a forged signature, or about another recipient, fails nothing
        jdbc.update("update contact_point set bouncing = false where value = ?", customer);
        String second = id(agentReplies(conversation, customer, "Sent again."));
        String forged = second.substring(0, second.indexOf('@') - 1)
                + (second.charAt(second.indexOf('@') - 1) == '0' ? '1' : '0') + second.substring(second.indexOf('@'));
        mail.deliver("support", postfixBounce("dsn2-" + u + "@mx.example.net", customer, forged));
        mail.deliver("support", postfixBounce("dsn3-" + u + "@mx.example.net", "cc-" + u + "@example.com", second));
        awaitQuarantined("dsn2-" + u + "@mx.example.net");
        awaitQuarantined("dsn3-" + u + "@mx.example.net");
        assertThat(replySentAs(second).get("delivery_status")).isEqualTo("SENT");

        // Gmail's report names it in In-Reply-To and returns it whole
        mail.deliver("support", gmailBounce("dsn4-" + u + "@googlemail.com", customer, second));
        await().atMost(Duration.ofSeconds(60)).until(() -> "FAILED".equals(replySentAs(second).get("delivery_status")));
        assertThat(replySentAs(second).get("delivery_error").toString())
                .contains("mailer-daemon@googlemail.com", "does not exist");
    }
}
