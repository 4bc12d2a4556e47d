package io.omnihub.it;

import static io.omnihub.it.TwilioSmsWebhookIT.form;
import static io.omnihub.it.TwilioSmsWebhookIT.inboundSms;
import static io.omnihub.it.TwilioSmsWebhookIT.twilioSignature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.twilio.security.RequestValidator;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Twilio as Twilio really sends it, and as Twilio's own request validator (twilio-java's
 * {@code RequestValidator}, which the test signer is checked against) accepts it: a hub behind a
 * proxy that adds a path prefix, a non-default HTTPS port signed without the port, a repeated key
 * carrying the same value twice; a broken form body answers 400 and a JSON body 415, not a stack
 * trace or a misleading 404. Callers with a withheld number reach the agents; REVOKE and OPTOUT (and
 * an inbox's own words) opt out; files on an SMS reply go as MediaUrl under signed, expiring links;
 * a REST error without Twilio's error body is stored in words; a status for a message the hub never
 * sent is let go without an error storm.
 */
@WithRunningHub
class TwilioAsTwilioSendsItIT {

    static final String TOKEN = TwilioSmsWebhookIT.TOKEN;

    @Autowired
    HubClient hub;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TwilioApiStub twilio;

    private static String sid(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }

    /** The independent signer agrees with Twilio's own validator (single-valued parameters). */
    private static String signed(String url, List<String[]> params) throws Exception {
        String signature = twilioSignature(TOKEN, url, params);
        Map<String, String> single = new LinkedHashMap<>();
        params.forEach(p -> single.putIfAbsent(p[0], p[1]));
        if (single.size() == params.size()) {
            assertThat(new RequestValidator(TOKEN).validate(url, single, signature)).as("Twilio's validator").isTrue();
        }
        return signature;
    }

    private HttpResponse<String> post(String path, String contentType, String body, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(hub.uri(path)).header("Content-Type", contentType)
                .header("User-Agent", "TwilioProxy/1.1").POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        return hub.send(request);
    }

    private HttpResponse<String> post(String path, List<String[]> params, String signature) {
        return post(path, "application/x-www-form-urlencoded", form(params), signature);
    }

    private long interactions(String externalId) {
        Long n = jdbc.queryForObject("select count(*) from interaction where external_id = ?", Long.class, externalId);
        return n == null ? 0 : n;
    }

    private static List<String[]> to(List<String[]> params, String ourNumber) {
        List<String[]> changed = new ArrayList<>();
        params.forEach(p -> changed.add(p[0].equals("To") ? new String[] {"To", ourNumber} : p));
        return changed;
    }

    @Test
    void behindAProxyWithAPathPrefixWebhooksAreAcceptedAndCallbacksCarryThePrefix() throws Exception {
        String sid = sid("SM");
        List<String[]> params = to(inboundSms(sid, "+14155550301", "hello through the proxy"), "+15005550007");
        String url = "https://proxy.example.com/omnihub/channels/twilio/sms";
        assertThat(post("/channels/twilio/sms", params, signed(url, params)).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> interactions(sid) == 1);
        // signed without the prefix (what a hub that dropped it would check): refused
        assertThat(post("/channels/twilio/sms", params, signed("https://proxy.example.com/channels/twilio/sms",
                params)).statusCode()).isEqualTo(403);

        // a reply asks Twilio for status callbacks at the prefixed address, and that callback is accepted
        long conversation = jdbc.queryForObject("select conversation_id from interaction where external_id = ?",
                Long.class, sid);
        long reply = hub.read(hub.postJsonAsAdmin("/api/v1/conversations/" + conversation + "/replies",
                Map.of("text", "We got it")).body()).get("interactionId").asLong();
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(jdbc.queryForObject(
                "select delivery_status from interaction where id = ?", String.class, reply)));
        TwilioApiStub.Received sent = twilio.requestsTo("+14155550301").get(0);
        assertThat(sent.form().get("StatusCallback"))
                .isEqualTo("https://proxy.example.com/omnihub/channels/twilio/sms/status");
        String messageSid = jdbc.queryForObject("select metadata ->> 'messageSid' from interaction where id = ?",
                String.class, reply);
        List<String[]> delivered = List.of(new String[] {"AccountSid", "ACit000000000000000000000000000000"},
                new String[] {"ApiVersion", "2010-04-01"}, new String[] {"From", "+15005550007"},
                new String[] {"MessageSid", messageSid}, new String[] {"MessageStatus", "delivered"},
                new String[] {"SmsSid", messageSid}, new String[] {"SmsStatus", "delivered"},
                new String[] {"To", "+14155550301"});
        assertThat(post("/channels/twilio/sms/status", delivered, signed(sent.form().get("StatusCallback"), delivered))
                .statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(jdbc.queryForObject(
                "select delivery_status from interaction where id = ?", String.class, reply)));
    }

    @Test
    void aNonDefaultPortSignedWithoutThePortIsAcceptedAsTwiliosValidatorDoes() throws Exception {
        String sid = sid("SM");
        List<String[]> params = to(inboundSms(sid, "+14155550302", "port"), "+15005550008");
        // Twilio's validator tries the URL as configured and with its port removed
        assertThat(post("/channels/twilio/sms", params, signed("https://hub.example.com/channels/twilio/sms", params))
                .statusCode()).isEqualTo(200);
        String other = sid("SM");
        List<String[]> withPort = to(inboundSms(other, "+14155550302", "port kept"), "+15005550008");
        assertThat(post("/channels/twilio/sms", withPort, signed("https://hub.example.com:8443/channels/twilio/sms",
                withPort)).statusCode()).isEqualTo(200);
        // but never the default port in its place
        String third = sid("SM");
        List<String[]> wrong = to(inboundSms(third, "+14155550302", "wrong port"), "+15005550008");
        assertThat(post("/channels/twilio/sms", wrong, signed("https://hub.example.com:443/channels/twilio/sms",
                wrong)).statusCode()).isEqualTo(403);
        await().atMost(Duration.ofSeconds(10)).until(() -> interactions(sid) == 1 && interactions(other) == 1);
    }

    @Test
    void aRepeatedKeyCarryingTheSameValueTwiceIsAcceptedAsTwiliosLibrariesSignIt() throws Exception {
        String sid = sid("SM");
        List<String[]> params = inboundSms(sid, "+14155550303", "repeated");
        params.add(new String[] {"AddOns", "{}"});
        params.add(new String[] {"AddOns", "{}"});
        // twilio-node and twilio-python: each distinct value of a repeated key once, values sorted
        List<String[]> signedAs = new ArrayList<>(params.subList(0, params.size() - 1));
        assertThat(post("/channels/twilio/sms", params, twilioSignature(TOKEN,
                TwilioSmsWebhookIT.PUBLIC_URL, signedAs)).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> interactions(sid) == 1);
    }

    @Test
    void aBrokenFormBodyAnswers400AndAJsonBody415NeitherAStackTraceNorA404() {
        HttpResponse<String> broken = post("/channels/twilio/sms", "application/x-www-form-urlencoded",
                "Body=%zz&From=%2B14155550304", "anything");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(hub.read(broken.body()).path("detail").asText()).contains("not form encoding");
        assertThat(broken.body()).doesNotContain("Exception").doesNotContain("at io.omnihub");

        HttpResponse<String> json = post("/channels/twilio/sms", "application/json",
                "{\"Body\": \"hi\", \"From\": \"+14155550304\"}", "anything");
        assertThat(json.statusCode()).isEqualTo(415);
        assertThat(hub.read(json.body()).path("detail").asText()).contains("application/x-www-form-urlencoded");
    }

    @Test
    void aCallerWhoWithheldTheirNumberIsRungThroughAndRecordedWithoutACallbackTask() throws Exception {
        String callSid = sid("CA");
        List<String[]> params = TwilioVoiceIT.callParams(callSid, "+266696687", "ringing");
        String url = "https://hub.example.com/channels/twilio/voice";
        HttpResponse<String> answer = post("/channels/twilio/voice", params, signed(url, params));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("<Dial", ">+15005550101</Number>");

        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from interaction where metadata ->> 'callSid' = ?", Long.class, callSid) == 1);
        Map<String, Object> call = jdbc.queryForMap("select i.id, c.display_name, i.metadata ->> 'callerIdWithheld' as "
                + "withheld, i.metadata ->> 'callerId' as caller from interaction i join customer c on c.id = "
                + "i.customer_id where i.metadata ->> 'callSid' = ?", callSid);
        assertThat(call).containsEntry("display_name", "Withheld number").containsEntry("withheld", "true")
                .containsEntry("caller", "+266696687");

        // nobody answers: voicemail as for anyone, but no task to call back a number nobody knows
        List<String[]> missed = new ArrayList<>(TwilioVoiceIT.callParams(callSid, "+266696687", "completed"));
        missed.add(new String[] {"CallDuration", "0"});
        assertThat(post("/channels/twilio/voice/status", missed, signed(url + "/status", missed)).statusCode())
                .isEqualTo(204);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> jdbc.queryForObject(
                "select count(*) from conversation_task where interaction_id = ?", Long.class, call.get("id")) == 0);

        // another withheld caller is not the same customer
        String otherSid = sid("CA");
        List<String[]> other = TwilioVoiceIT.callParams(otherSid, "anonymous", "ringing");
        assertThat(post("/channels/twilio/voice", other, signed(url, other)).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(distinct customer_id) from interaction where metadata ->> 'callSid' in (?, ?)",
                Long.class, callSid, otherSid) == 2);
    }

    @Test
    void revokeAndOptoutOptTheNumberOutAndAnInboxMayNameItsOwnWords() throws Exception {
        for (String[] word : List.of(new String[] {"+14155550311", "REVOKE", "+15005550006"},
                new String[] {"+14155550312", "optout", "+15005550006"},
                new String[] {"+14155550313", "Baja", "+15005550007"})) {
            List<String[]> params = to(inboundSms(sid("SM"), word[0], word[1]), word[2]);
            String url = word[2].equals("+15005550007") ? "https://proxy.example.com/omnihub/channels/twilio/sms"
                    : TwilioSmsWebhookIT.PUBLIC_URL;
            assertThat(post("/channels/twilio/sms", params, signed(url, params)).statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> "OPTED_OUT".equals(jdbc.query(
                    "select consent from contact_point where value = ?", (rs, n) -> rs.getString(1), word[0])
                    .stream().findFirst().orElse(null)));
        }
        // OPTOUT is not a word of the proxied inbox (it names its own): consent stays as it was
        List<String[]> params = to(inboundSms(sid("SM"), "+14155550314", "OPTOUT"), "+15005550007");
        post("/channels/twilio/sms", params, signed("https://proxy.example.com/omnihub/channels/twilio/sms", params));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from contact_point where value = '+14155550314'", Long.class) == 1);
        assertThat(jdbc.queryForObject("select consent from contact_point where value = '+14155550314'",
                String.class)).isEqualTo("UNKNOWN");
    }

    private long smsConversation(String from) throws Exception {
        String sid = sid("SM");
        List<String[]> params = inboundSms(sid, from, "please send the invoice");
        post("/channels/twilio/sms", params, signed(TwilioSmsWebhookIT.PUBLIC_URL, params));
        await().atMost(Duration.ofSeconds(10)).until(() -> interactions(sid) == 1);
        return jdbc.queryForObject("select conversation_id from interaction where external_id = ?", Long.class, sid);
    }

    @Test
    void filesOnAnSmsReplyGoAsMediaUrlUnderSignedExpiringLinks() throws Exception {
        long conversation = smsConversation("+14155550321");
        byte[] pdf = "%PDF-1.4 the invoice".getBytes(StandardCharsets.US_ASCII);
        HubClient.Multipart multipart = new HubClient.Multipart().field("text", "Here is your invoice")
                .file("file", "invoice.pdf", "application/pdf", pdf);
        HttpResponse<String> answer = hub.post("/api/v1/conversations/" + conversation + "/replies",
                multipart.contentType(), multipart.bytes(), "Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString((HubClient.ADMIN + ":" + HubClient.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        assertThat(answer.statusCode()).isEqualTo(202);
        long reply = hub.read(answer.body()).get("interactionId").asLong();
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(jdbc.queryForObject(
                "select delivery_status from interaction where id = ?", String.class, reply)));

        TwilioApiStub.Received sent = twilio.requestsTo("+14155550321").get(0);
        assertThat(sent.mediaUrls()).hasSize(1);
        URI link = URI.create(sent.mediaUrls().get(0));
        assertThat(link.getHost()).isEqualTo("hub.example.com");
        assertThat(link.getPath()).startsWith("/channels/twilio/media/texts/").endsWith("/invoice.pdf");
        String local = link.getRawPath() + "?" + link.getRawQuery();
        HttpResponse<byte[]> fetched = hubBytes(local);
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo(pdf);
        assertThat(fetched.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");

        assertThat(hubBytes(local.replaceAll("signature=[^&]+", "signature=forged")).statusCode()).isEqualTo(403);
        assertThat(hubBytes(local.replaceAll("expires=\\d+", "expires=1")).statusCode()).isEqualTo(403);
        // another attachment id under the same signature: refused
        long attachment = Long.parseLong(link.getPath().split("/")[5]);
        assertThat(hubBytes(local.replaceFirst("/texts/\\d+/", "/texts/" + (attachment + 1) + "/")).statusCode())
                .isEqualTo(403);
    }

    private HttpResponse<byte[]> hubBytes(String pathAndQuery) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(hub.uri(pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aRestErrorWithoutTwiliosErrorBodyIsStoredInWordsNotNull() throws Exception {
        long conversation = smsConversation(TwilioApiStub.PROXY_ERROR);
        long reply = hub.read(hub.postJsonAsAdmin("/api/v1/conversations/" + conversation + "/replies",
                Map.of("text", "hello")).body()).get("interactionId").asLong();
        await().atMost(Duration.ofSeconds(10)).until(() -> "FAILED".equals(jdbc.queryForObject(
                "select delivery_status from interaction where id = ?", String.class, reply)));
        assertThat(jdbc.queryForObject("select delivery_error from interaction where id = ?", String.class, reply))
                .startsWith("Twilio answered HTTP 400 and no Twilio error").contains("400 Bad Request")
                .doesNotContain("null");
    }

    @Test
    void aStatusForAMessageTheHubNeverSentIsLetGoNotHeldNorRetriedForEver() throws Exception {
        String unknown = sid("SM");
        List<String[]> status = List.of(new String[] {"AccountSid", "ACit000000000000000000000000000000"},
                new String[] {"ApiVersion", "2010-04-01"}, new String[] {"From", "+15005550006"},
                new String[] {"MessageSid", unknown}, new String[] {"MessageStatus", "delivered"},
                new String[] {"To", "+14155550331"});
        assertThat(post("/channels/twilio/sms/status", status, signed(TwilioSmsWebhookIT.PUBLIC_URL + "/status", status))
                .statusCode()).isEqualTo(204);
        // tried again for a while (it may have overtaken the send's commit), then let go; never held
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from held_item where external_id like ?", Long.class, "status:" + unknown + "%") == 0);
        JsonNode held = hub.getJson("/api/v1/held-items?status=ALL");
        assertThat(held.path("items").findValuesAsText("externalId")).noneMatch(id -> id.contains(unknown));
    }
}
