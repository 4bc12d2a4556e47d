package io.omnihub.it;

import static io.omnihub.it.TwilioSmsWebhookIT.PUBLIC_URL;
import static io.omnihub.it.TwilioSmsWebhookIT.TOKEN;
import static io.omnihub.it.TwilioSmsWebhookIT.form;
import static io.omnihub.it.TwilioSmsWebhookIT.twilioSignature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;

/**
 * An agent answers on another channel the customer has: an SMS conversation by email (sent from the
 * SMS inbox's reply-mailbox) and an email conversation by SMS (from the mailbox's reply-sms number),
 * both on the conversation's timeline; an unknown channel is bad input, refused clearly.
 */
@WithRunningHub
class ReplyChannelSwitchIT {

    @Autowired
    HubClient hub;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MailServer mail;
    @Autowired
    TwilioApiStub twilio;

    @Test
    void smsAnsweredByEmailAndEmailAnsweredBySms() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String email = "switch-" + run + "@example.com";
        String phone = "+1470555" + String.format("%04d", (int) (Math.random() * 10_000));
        // one customer with both addresses (a form that gave both)
        assertThat(hub.postForm("contact", HubClient.fields("name", "Sam Switch", "email", email, "phone", phone,
                "message", "hello")).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "select count(*) from contact_point where value in (?, ?)", Integer.class, email, phone) == 2);

        // an SMS from them, answered by email
        List<String[]> params = TwilioSmsWebhookIT.inboundSms("SM" + UUID.randomUUID().toString().replace("-", ""),
                phone, "Can you email me the invoice?");
        assertThat(hub.send(HttpRequest.newBuilder(hub.uri("/channels/twilio/sms"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", twilioSignature(TOKEN, PUBLIC_URL, params))
                .POST(HttpRequest.BodyPublishers.ofString(form(params)))).statusCode()).isEqualTo(200);
        long smsConversation = await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForList(
                "select conversation_id from interaction where body_text = 'Can you email me the invoice?' "
                        + "and sender = ?", Long.class, phone), l -> l.size() == 1).get(0);
        HttpResponse<String> byEmail = hub.postJsonAsAdmin("/api/v1/conversations/" + smsConversation + "/replies",
                Map.of("text", "Invoice attached in the next mail " + run, "channel", "email"));
        assertThat(byEmail.statusCode()).isEqualTo(202);
        MimeMessage sent = await().atMost(Duration.ofSeconds(20)).until(() -> mail.receivedFor(email),
                l -> !l.isEmpty()).get(0);
        assertThat(sent.getFrom()[0].toString()).contains("support@hub.test");
        assertThat(WebChatIT.textOf(sent)).contains("Invoice attached in the next mail " + run);
        assertThat(jdbc.queryForMap("select channel, conversation_id, metadata ->> 'to' as to from interaction "
                + "where id = ?", hub.read(byEmail.body()).path("interactionId").asLong()))
                .containsEntry("channel", "email").containsEntry("conversation_id", smsConversation)
                .containsEntry("to", email);

        // a mail from them, answered by SMS
        mail.deliver("support", "From: Sam Switch <" + email + ">\r\nTo: support@hub.test\r\nSubject: Delivery "
                + run + "\r\nMessage-ID: <switch-" + run + "@example.com>\r\n\r\nPlease text me when it ships.\r\n");
        long mailConversation = await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForList(
                "select id from conversation where subject = ?", Long.class, "Delivery " + run), l -> l.size() == 1)
                .get(0);
        HttpResponse<String> bySms = hub.postJsonAsAdmin("/api/v1/conversations/" + mailConversation + "/replies",
                Map.of("text", "Shipped today " + run, "channel", "sms"));
        assertThat(bySms.statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> twilio.requestsTo(phone).stream()
                .anyMatch(r -> ("Shipped today " + run).equals(r.form().get("Body"))));

        // a channel that does not exist is bad input
        HttpResponse<String> refused = hub.postJsonAsAdmin("/api/v1/conversations/" + smsConversation + "/replies",
                Map.of("text", "by fax?", "channel", "fax"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("replies on the fax channel are not supported");
    }

    @Test
    void aWebFormCustomerIsAnsweredByEmailThroughTheFormsReplyMailbox() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String email = "form-" + run + "@example.com";
        assertThat(hub.postForm("contact", HubClient.fields("name", "Fay Form", "email", email,
                "message", "Do you ship to Norway? " + run)).statusCode()).isEqualTo(202);
        long conversation = await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForList(
                "select conversation_id from interaction where body_text = ?", Long.class,
                "Do you ship to Norway? " + run), l -> l.size() == 1).get(0);

        JsonNode where = hub.getJson("/api/v1/conversations/" + conversation + "/reply-channels");
        assertThat(where.path("channels").get(0).asText()).isEqualTo("email");
        assertThat(where.path("blocked").isNull()).isTrue();
        // no channel chosen: by email, from the mailbox the form's inbox names
        HttpResponse<String> answer = hub.postJsonAsAdmin("/api/v1/conversations/" + conversation + "/replies",
                Map.of("text", "Yes, within five days " + run));
        assertThat(answer.statusCode()).isEqualTo(202);
        MimeMessage sent = await().atMost(Duration.ofSeconds(20)).until(() -> mail.receivedFor(email),
                l -> !l.isEmpty()).get(0);
        assertThat(sent.getFrom()[0].toString()).contains("support@hub.test");
        assertThat(WebChatIT.textOf(sent)).contains("Yes, within five days " + run);
    }

    @Test
    void aFormWhoseInboxNamesNoReplyMailboxSaysWhatToConfigure() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String email = "small-" + run + "@example.com";
        assertThat(hub.send(HttpRequest.newBuilder(hub.uri("/channels/webform/small"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "https://shop.example")
                .POST(HttpRequest.BodyPublishers.ofString(HubClient.urlEncoded(HubClient.fields(
                        "email", email, "message", "hi " + run))))).statusCode()).isIn(202, 303);
        long conversation = await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForList(
                "select conversation_id from interaction where body_text = ?", Long.class, "hi " + run),
                l -> l.size() == 1).get(0);

        JsonNode where = hub.getJson("/api/v1/conversations/" + conversation + "/reply-channels");
        assertThat(where.path("channels")).isEmpty();
        assertThat(where.path("blocked").asText()).contains("omnihub.inboxes.small.reply-mailbox");
        HttpResponse<String> refused = hub.postJsonAsAdmin("/api/v1/conversations/" + conversation + "/replies",
                Map.of("text", "hello"));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("omnihub.inboxes.small.reply-mailbox");
        assertThat(hub.get("/api/v1/conversations/999999999/reply-channels", HubClient.ADMIN, HubClient.ADMIN_PASSWORD)
                .statusCode()).isEqualTo(404);
    }
}
