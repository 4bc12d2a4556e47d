package io.omnihub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An agent answers an SMS: the reply leaves through the real Twilio SDK (against a local stand-in
 * for Twilio's API) from the inbox's Messaging Service with a status callback; Twilio's 429 is
 * retried and the message sent once; its 400 21211 fails the reply with Twilio's code and words,
 * without retry.
 */
@WithRunningHub
class TwilioOutboundSmsIT {

    @Autowired
    HubClient hub;
    @Autowired
    TwilioApiStub twilio;
    @Autowired
    JdbcTemplate jdbc;

    private long conversationWith(String phone) throws Exception {
        return conversationWith(phone, "Hello?");
    }

    private long conversationWith(String phone, String text) throws Exception {
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        List<String[]> params = TwilioSmsWebhookIT.inboundSms(sid, phone, text);
        HttpResponse<String> posted = hub.send(java.net.http.HttpRequest.newBuilder(hub.uri("/channels/twilio/sms"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", TwilioSmsWebhookIT.twilioSignature(TwilioSmsWebhookIT.TOKEN,
                        TwilioSmsWebhookIT.PUBLIC_URL, params))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(TwilioSmsWebhookIT.form(params))));
        assertThat(posted.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from interaction where external_id = ?", Long.class, sid) == 1);
        return jdbc.queryForObject("select conversation_id from interaction where external_id = ?", Long.class, sid);
    }

    private Map<String, Object> reply(long conversation, String text) {
        HttpResponse<String> answer = hub.postJsonAsAdmin("/api/v1/conversations/" + conversation + "/replies",
                Map.of("text", text));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        long id = hub.read(answer.body()).get("interactionId").asLong();
        await().atMost(Duration.ofSeconds(20)).until(() -> !"QUEUED".equals(jdbc.queryForObject(
                "select delivery_status from interaction where id = ?", String.class, id)));
        return jdbc.queryForMap("select id, delivery_status, delivery_error, metadata::text as metadata from interaction "
                + "where id = ?", id);
    }

    @Test
    void aReplyLeavesThroughTwilioFromTheMessagingServiceWithAStatusCallback() throws Exception {
        String phone = "+12125550177";
        long conversation = conversationWith(phone);
        Map<String, Object> sent = reply(conversation, "Your order ships today.");
        assertThat(sent.get("delivery_status")).isEqualTo("SENT");
        assertThat(sent.get("metadata").toString()).contains("\"messageSid\": \"SM");
        TwilioApiStub.Received request = twilio.requestsTo(phone).get(0);
        assertThat(request.path()).isEqualTo("/2010-04-01/Accounts/ACit000000000000000000000000000000/Messages.json");
        assertThat(request.authorization()).startsWith("Basic ");
        assertThat(request.form()).containsEntry("Body", "Your order ships today.")
                .containsEntry("MessagingServiceSid", "MGit000000000000000000000000000000")
                .containsEntry("StatusCallback", "https://hub.example.com/channels/twilio/sms/status");
    }

    @Test
    void tooManyRequestsIsRetriedAndTheMessageSentOnce() throws Exception {
        long conversation = conversationWith(TwilioApiStub.BUSY);
        assertThat(reply(conversation, "Retry me").get("delivery_status")).isEqualTo("SENT");
        List<TwilioApiStub.Received> requests = twilio.requestsTo(TwilioApiStub.BUSY);
        assertThat(requests).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void anInvalidNumberFailsWithTwiliosCodeAndIsNotRetried() throws Exception {
        long conversation = conversationWith(TwilioApiStub.INVALID);
        Map<String, Object> failed = reply(conversation, "Hello");
        assertThat(failed.get("delivery_status")).isEqualTo("FAILED");
        assertThat(failed.get("delivery_error").toString()).startsWith("21211").contains("not a valid phone number");
        // FAILED is final: no attempt is scheduled, so the sweep never sends it again
        assertThat(jdbc.queryForObject("select next_attempt_at is null from interaction where id = ?", Boolean.class,
                ((Number) failed.get("id")).longValue())).isTrue();
        assertThat(twilio.requestsTo(TwilioApiStub.INVALID)).hasSize(1);
    }

    private String consent(String phone) {
        return jdbc.queryForObject("select consent from contact_point where value = ?", String.class, phone);
    }

    @Test
    void stopOptsTheNumberOutAndRepliesAreRefusedUntilStart() throws Exception {
        String phone = "+12125550155";
        long conversation = conversationWith(phone, "Stop");
        assertThat(consent(phone)).isEqualTo("OPTED_OUT");
        HttpResponse<String> refused = hub.postJsonAsAdmin("/api/v1/conversations/" + conversation + "/replies",
                Map.of("text", "Are you sure?"));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("opted out").contains("START");

        conversationWith(phone, "START");
        assertThat(consent(phone)).isEqualTo("OPTED_IN");
        assertThat(reply(conversation, "Welcome back").get("delivery_status")).isEqualTo("SENT");
    }

    @Test
    void twiliosUnsubscribedErrorFailsTheReplyAndRecordsTheOptOut() throws Exception {
        long conversation = conversationWith(TwilioApiStub.UNSUBSCRIBED);
        Map<String, Object> failed = reply(conversation, "Hello");
        assertThat(failed.get("delivery_status")).isEqualTo("FAILED");
        assertThat(failed.get("delivery_error").toString()).startsWith("21610");
        assertThat(consent(TwilioApiStub.UNSUBSCRIBED)).isEqualTo("OPTED_OUT");
    }

    private HttpResponse<String> statusCallback(String messageSid, String to, String status, String errorCode,
            String token) throws Exception {
        List<String[]> params = new java.util.ArrayList<>(List.of(new String[] {"SmsSid", messageSid},
                new String[] {"SmsStatus", status}, new String[] {"MessageStatus", status}, new String[] {"To", to},
                new String[] {"MessagingServiceSid", "MGit000000000000000000000000000000"},
                new String[] {"MessageSid", messageSid}, new String[] {"AccountSid", "ACit000000000000000000000000000000"},
                new String[] {"From", "+15005550006"}, new String[] {"ApiVersion", "2010-04-01"}));
        if (errorCode != null) {
            params.add(new String[] {"ErrorCode", errorCode});
        }
        return hub.send(java.net.http.HttpRequest.newBuilder(hub.uri("/channels/twilio/sms/status"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", TwilioSmsWebhookIT.twilioSignature(token,
                        "https://hub.example.com/channels/twilio/sms/status", params))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(TwilioSmsWebhookIT.form(params))));
    }

    private String messageSidOf(long conversation) {
        return jdbc.queryForObject("select metadata ->> 'messageSid' from interaction where conversation_id = ? "
                + "and direction = 'OUTBOUND' order by id desc limit 1", String.class, conversation);
    }

    private String statusOf(String messageSid) {
        return jdbc.queryForObject("select delivery_status from interaction where metadata ->> 'messageSid' = ?",
                String.class, messageSid);
    }

    @Test
    void statusCallbacksMoveTheReplyForwardToDeliveredOrFailedWithTheErrorCode() throws Exception {
        String phone = "+12125550144";
        long conversation = conversationWith(phone);
        assertThat(reply(conversation, "First").get("delivery_status")).isEqualTo("SENT");
        String first = messageSidOf(conversation);
        assertThat(statusCallback(first, phone, "delivered", null, "not-the-token").statusCode()).isEqualTo(403);
        assertThat(statusCallback(first, phone, "delivered", null, TwilioSmsWebhookIT.TOKEN).statusCode())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(statusOf(first)));
        // a late "sent" does not move it back
        assertThat(statusCallback(first, phone, "sent", null, TwilioSmsWebhookIT.TOKEN).statusCode()).isEqualTo(204);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> "DELIVERED".equals(statusOf(first)));

        assertThat(reply(conversation, "Second").get("delivery_status")).isEqualTo("SENT");
        String second = messageSidOf(conversation);
        statusCallback(second, phone, "undelivered", "30007", TwilioSmsWebhookIT.TOKEN);
        await().atMost(Duration.ofSeconds(10)).until(() -> "FAILED".equals(statusOf(second)));
        assertThat(jdbc.queryForObject("select delivery_error from interaction where metadata ->> 'messageSid' = ?",
                String.class, second)).isEqualTo("Twilio undelivered, error 30007");
    }
}
