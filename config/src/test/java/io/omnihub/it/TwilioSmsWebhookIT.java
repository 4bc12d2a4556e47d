package io.omnihub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Twilio's inbound SMS webhook with Twilio's real parameter set. Signatures are computed here by an
 * independent HMAC-SHA1 (not by the code under test) over the public URL Twilio calls: valid ones
 * are answered with TwiML and the message lands on the sender's timeline once, however often
 * Twilio delivers it; forged, missing and wrong-URL signatures are refused and store nothing.
 */
@WithRunningHub
class TwilioSmsWebhookIT {

    static final String TOKEN = "it-twilio-auth-token";
    static final String PUBLIC_URL = "https://hub.example.com/channels/twilio/sms";

    @Autowired
    HubClient hub;
    @Autowired
    MailServer mail;
    @Autowired
    JdbcTemplate jdbc;

    /** Twilio's documented algorithm: URL, then each parameter name+value sorted by name; HMAC-SHA1, Base64. */
    static String twilioSignature(String token, String url, List<String[]> params) throws Exception {
        List<String[]> sorted = new ArrayList<>(params);
        sorted.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        StringBuilder data = new StringBuilder(url);
        for (String[] p : sorted) {
            data.append(p[0]).append(p[1]);
        }
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    }

    static List<String[]> inboundSms(String sid, String from, String body) {
        return new ArrayList<>(List.of(new String[] {"ToCountry", "US"}, new String[] {"ToState", "CA"},
                new String[] {"SmsMessageSid", sid}, new String[] {"NumMedia", "0"}, new String[] {"ToCity", ""},
                new String[] {"FromZip", "94105"}, new String[] {"SmsSid", sid}, new String[] {"FromState", "CA"},
                new String[] {"SmsStatus", "received"}, new String[] {"FromCity", "SAN FRANCISCO"},
                new String[] {"Body", body}, new String[] {"FromCountry", "US"}, new String[] {"To", "+15005550006"},
                new String[] {"ToZip", ""}, new String[] {"NumSegments", "1"}, new String[] {"MessageSid", sid},
                new String[] {"AccountSid", "ACit000000000000000000000000000000"}, new String[] {"From", from},
                new String[] {"ApiVersion", "2010-04-01"}));
    }

    /** The parameters as Twilio posts them: URL-encoded, in order. */
    static String form(List<String[]> params) {
        StringBuilder body = new StringBuilder();
        for (String[] p : params) {
            body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(p[0], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(p[1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    private HttpResponse<String> post(List<String[]> params, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(hub.uri("/channels/twilio/sms"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("User-Agent", "TwilioProxy/1.1")
                .POST(HttpRequest.BodyPublishers.ofString(form(params)));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        return hub.send(request);
    }

    private long interactions(String sid) {
        Long n = jdbc.queryForObject("select count(*) from interaction where external_id = ?", Long.class, sid);
        return n == null ? 0 : n;
    }

    private static String sid() {
        return "SM" + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void aSignedSmsIsAnsweredWithTwimlAndRecordedOnceEvenWhenTwilioSendsItTwice() throws Exception {
        String sid = sid();
        List<String[]> params = inboundSms(sid, "+14155550101", "Is my order shipped? ✓");
        HttpResponse<String> first = post(params, twilioSignature(TOKEN, PUBLIC_URL, params));
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
        assertThat(first.body()).contains("<Response");
        assertThat(post(params, twilioSignature(TOKEN, PUBLIC_URL, params)).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> interactions(sid) == 1);
        Map<String, Object> stored = jdbc.queryForMap("select i.sender, i.body_text, i.channel, c.threading_rule "
                + "from interaction i join conversation c on c.id = i.conversation_id where i.external_id = ?", sid);
        assertThat(stored).containsEntry("sender", "+14155550101").containsEntry("channel", "sms")
                .containsEntry("body_text", "Is my order shipped? ✓");
        afterEverythingFrom("+14155550101");
        assertThat(interactions(sid)).isEqualTo(1);
    }

    @Test
    void helpIsAnsweredWithTheInboxsHelpTextAndStillRecorded() throws Exception {
        String sid = sid();
        List<String[]> params = inboundSms(sid, "+14155550104", " help ");
        HttpResponse<String> answer = post(params, twilioSignature(TOKEN, PUBLIC_URL, params));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("<Message><Body>Acme support. Reply STOP to stop, START to resume.</Body></Message>");
        await().atMost(Duration.ofSeconds(10)).until(() -> interactions(sid) == 1);

        List<String[]> other = inboundSms(sid(), "+14155550104", "Can you help me with my order?");
        assertThat(post(other, twilioSignature(TOKEN, PUBLIC_URL, other)).body()).doesNotContain("<Message>");
    }

    @Test
    void theNextSmsFromTheSameNumberContinuesTheConversation() throws Exception {
        String first = sid();
        String second = sid();
        List<String[]> a = inboundSms(first, "+14155550177", "Hello");
        post(a, twilioSignature(TOKEN, PUBLIC_URL, a));
        List<String[]> b = inboundSms(second, "+14155550177", "Anyone there?");
        post(b, twilioSignature(TOKEN, PUBLIC_URL, b));
        await().atMost(Duration.ofSeconds(10)).until(() -> interactions(first) == 1 && interactions(second) == 1);
        assertThat(jdbc.queryForList("select distinct conversation_id from interaction where external_id in (?, ?)",
                first, second)).hasSize(1);
    }

    @Test
    void forgedMissingAndWrongUrlSignaturesAreRefusedAndStoreNothing() throws Exception {
        String sid = sid();
        List<String[]> params = inboundSms(sid, "+14155550102", "let me in");
        assertThat(post(params, twilioSignature("not-the-token", PUBLIC_URL, params)).statusCode()).isEqualTo(403);
        assertThat(post(params, null).statusCode()).isEqualTo(403);
        // signed for the hub's internal address, not the public URL Twilio was configured with
        assertThat(post(params, twilioSignature(TOKEN, hub.uri("/channels/twilio/sms").toString(), params))
                .statusCode()).isEqualTo(403);
        // a parameter changed after signing
        String signature = twilioSignature(TOKEN, PUBLIC_URL, params);
        params.set(10, new String[] {"Body", "changed"});
        assertThat(post(params, signature).statusCode()).isEqualTo(403);
        afterEverythingFrom("+14155550102");
        assertThat(interactions(sid)).isZero();
    }

    /**
     * Sends a signed message from the number and waits until it is recorded: the bus records one
     * sender's messages in order, so anything sent from that number before it has been handled too.
     */
    private void afterEverythingFrom(String phone) throws Exception {
        String sentinel = sid();
        List<String[]> params = inboundSms(sentinel, phone, "sentinel");
        assertThat(post(params, twilioSignature(TOKEN, PUBLIC_URL, params)).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> interactions(sentinel) == 1);
    }

    @Test
    void theUrlWithTheDefaultPortAndAMessagingServiceNumberAreAccepted() throws Exception {
        String sid = sid();
        List<String[]> params = inboundSms(sid, "+14155550103", "via a messaging service");
        params.set(12, new String[] {"To", "+15005550999"});
        params.add(new String[] {"MessagingServiceSid", "MGit000000000000000000000000000000"});
        String withPort = "https://hub.example.com:443/channels/twilio/sms";
        assertThat(post(params, twilioSignature(TOKEN, withPort, params)).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> interactions(sid) == 1);
    }

    @Test
    void formThenSmsThenEmailFromOnePersonIsOneCustomerTimeline() throws Exception {
        String u = UUID.randomUUID().toString().substring(0, 8);
        String email = "linked-" + u + "@example.com";
        // an area code no other test uses: the customer must own these messages alone
        String phone = "+1646555" + String.format("01%02d", Math.abs(u.hashCode()) % 100);
        assertThat(hub.postForm("contact", HubClient.fields("email", email, "phone", phone, "message", "First, the form"))
                .statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from contact_point where value = ?", Long.class, phone) == 1);
        String sid = sid();
        List<String[]> sms = inboundSms(sid, phone, "Then an SMS");
        assertThat(post(sms, twilioSignature(TOKEN, PUBLIC_URL, sms)).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> interactions(sid) == 1);
        mail.deliver("support", "From: " + email + "\r\nTo: support@hub.test\r\nSubject: And a mail\r\nMessage-ID: <m-" + u
                + "@example.com>\r\n\r\nThen an email\r\n");
        await().atMost(Duration.ofSeconds(15)).until(() -> interactions("m-" + u + "@example.com") == 1);

        Long customer = jdbc.queryForObject("select customer_id from contact_point where value = ?", Long.class, email);
        var timeline = hub.getJson("/api/v1/customers/" + customer + "/timeline");
        List<String> channels = new ArrayList<>();
        timeline.path("items").forEach(i -> channels.add(i.path("channel").asText()));
        assertThat(channels).containsExactly("email", "sms", "webform");
    }
}
