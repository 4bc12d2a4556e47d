package io.omnihub.it;

import static io.omnihub.it.TwilioSmsWebhookIT.TOKEN;
import static io.omnihub.it.TwilioSmsWebhookIT.form;
import static io.omnihub.it.TwilioSmsWebhookIT.twilioSignature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Twilio Voice with Twilio's real parameter sets, signed here by an independent HMAC-SHA1: an
 * incoming call is answered with TwiML that rings the agents, opens or continues the caller's
 * conversation while it rings; a missed call goes to voicemail, whose recording is fetched and
 * whose transcription becomes the call's text, and leaves a callback task; an answered call names
 * the agent. Click-to-call rings the agent first through the SDK. Forged callbacks store nothing.
 */
@WithRunningHub
class TwilioVoiceIT {

    static final String BASE = "https://hub.example.com";
    static final String OUR_NUMBER = "+15005550006";
    static final String ACCOUNT = "ACit000000000000000000000000000000";

    @Autowired
    HubClient hub;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TwilioApiStub twilio;
    @Autowired
    MailServer mail;

    /** The parameters Twilio sends with every request about a call. */
    static List<String[]> callParams(String callSid, String from, String status) {
        return new ArrayList<>(List.of(new String[] {"AccountSid", ACCOUNT}, new String[] {"ApiVersion", "2010-04-01"},
                new String[] {"CallSid", callSid}, new String[] {"CallStatus", status},
                new String[] {"Called", OUR_NUMBER}, new String[] {"CalledCity", ""}, new String[] {"CalledCountry", "US"},
                new String[] {"CalledState", "CA"}, new String[] {"CalledZip", ""}, new String[] {"Caller", from},
                new String[] {"CallerCity", "DENVER"}, new String[] {"CallerCountry", "US"},
                new String[] {"CallerState", "CO"}, new String[] {"CallerZip", "80202"},
                new String[] {"Direction", "inbound"}, new String[] {"From", from}, new String[] {"FromCity", "DENVER"},
                new String[] {"FromCountry", "US"}, new String[] {"FromState", "CO"}, new String[] {"FromZip", "80202"},
                new String[] {"To", OUR_NUMBER}, new String[] {"ToCity", ""}, new String[] {"ToCountry", "US"},
                new String[] {"ToState", "CA"}, new String[] {"ToZip", ""},
                new String[] {"StirVerstat", "TN-Validation-Passed-A"}));
    }

    private HttpResponse<String> post(String pathAndQuery, List<String[]> params, String token) throws Exception {
        return hub.send(HttpRequest.newBuilder(hub.uri(pathAndQuery))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", twilioSignature(token, BASE + pathAndQuery, params))
                .POST(HttpRequest.BodyPublishers.ofString(form(params))));
    }

    private HttpResponse<String> post(String pathAndQuery, List<String[]> params) throws Exception {
        return post(pathAndQuery, params, TOKEN);
    }

    private static List<String[]> with(List<String[]> params, String... more) {
        List<String[]> all = new ArrayList<>(params);
        for (int i = 0; i < more.length; i += 2) {
            all.add(new String[] {more[i], more[i + 1]});
        }
        return all;
    }

    private Map<String, Object> call(String callSid) {
        return jdbc.queryForMap("select id, conversation_id, direction, kind, channel, body_text, "
                + "metadata ->> 'callOutcome' as outcome, metadata ->> 'agent' as agent, "
                + "metadata ->> 'durationSeconds' as duration, metadata ->> 'recordingSid' as recording "
                + "from interaction where metadata ->> 'callSid' = ?", callSid);
    }

    private long calls(String callSid) {
        Long n = jdbc.queryForObject("select count(*) from interaction where metadata ->> 'callSid' = ?", Long.class,
                callSid);
        return n == null ? 0 : n;
    }

    private static String sid(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }

    private static String phone(String areaCode) {
        return "+1" + areaCode + "555" + String.format("01%02d", (int) (Math.random() * 100));
    }

    @Test
    void aMissedCallGoesToVoicemailWithRecordingTranscriptionAndACallbackTask() throws Exception {
        String caller = phone("303");
        String callSid = sid("CA");
        HttpResponse<String> answer = post("/channels/twilio/voice", callParams(callSid, caller, "ringing"));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("<Say>Thanks for calling Acme support.</Say>", "<Dial", "timeout=\"15\"",
                "action=\"https://hub.example.com/channels/twilio/voice/dial?inbox=texts\"", ">+15005550101</Number>",
                "answered\">bob</Client>");
        // the call is on the timeline while it rings
        await().atMost(Duration.ofSeconds(10)).until(() -> calls(callSid) == 1);
        assertThat(call(callSid)).containsEntry("kind", "CALL").containsEntry("channel", "voice")
                .containsEntry("direction", "INBOUND");

        HttpResponse<String> voicemail = post("/channels/twilio/voice/dial?inbox=texts", with(
                callParams(callSid, caller, "in-progress"), "DialCallStatus", "no-answer", "DialCallSid", sid("CA"),
                "DialCallDuration", "0", "DialBridged", "false"));
        assertThat(voicemail.body()).contains("<Record", "transcribe=\"true\"",
                "transcribeCallback=\"https://hub.example.com/channels/twilio/voice/transcription?inbox=texts\"",
                "recordingStatusCallback=\"https://hub.example.com/channels/twilio/voice/recording?inbox=texts\"");
        assertThat(post("/channels/twilio/voice/status", with(callParams(callSid, caller, "completed"),
                "CallDuration", "42", "Duration", "1", "CallbackSource", "call-progress-events", "SequenceNumber", "0"))
                .statusCode()).isEqualTo(204);
        String recordingSid = sid("RE");
        String recordingUrl = "https://api.twilio.com/2010-04-01/Accounts/" + ACCOUNT + "/Recordings/" + recordingSid;
        assertThat(post("/channels/twilio/voice/recording?inbox=texts", List.of(new String[] {"AccountSid", ACCOUNT},
                new String[] {"CallSid", callSid}, new String[] {"RecordingSid", recordingSid},
                new String[] {"RecordingUrl", recordingUrl}, new String[] {"RecordingStatus", "completed"},
                new String[] {"RecordingDuration", "17"}, new String[] {"RecordingChannels", "1"},
                new String[] {"RecordingStartTime", "Wed, 25 Nov 2026 10:00:12 +0000"},
                new String[] {"RecordingSource", "RecordVerb"}, new String[] {"ErrorCode", "0"})).statusCode())
                .isEqualTo(204);
        assertThat(post("/channels/twilio/voice/transcription?inbox=texts", with(callParams(callSid, caller,
                "completed"), "TranscriptionSid", sid("TR"), "TranscriptionText",
                "Hi, this is Dana, please call me back about order 1234.", "TranscriptionStatus", "completed",
                "TranscriptionUrl", "https://api.twilio.com/2010-04-01/Accounts/" + ACCOUNT + "/Transcriptions/TR1",
                "RecordingSid", recordingSid, "RecordingUrl", recordingUrl)).statusCode()).isEqualTo(204);

        // the recording's callback carries no caller: it may be applied at the same moment as the others
        await().atMost(Duration.ofSeconds(15)).until(() -> call(callSid).get("recording") != null
                && !call(callSid).get("body_text").toString().isEmpty() && call(callSid).get("duration") != null);
        Map<String, Object> call = call(callSid);
        assertThat(call).containsEntry("outcome", "MISSED").containsEntry("duration", "42")
                .containsEntry("recording", recordingSid)
                .containsEntry("body_text", "Hi, this is Dana, please call me back about order 1234.");
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "select count(*) from attachment where interaction_id = ?", Long.class, call.get("id")) == 1);
        assertThat(jdbc.queryForMap("select file_name, content_type from attachment where interaction_id = ?",
                call.get("id"))).containsEntry("file_name", "voicemail.mp3").containsEntry("content_type", "audio/mpeg");

        JsonNode tasks = hub.getJson("/api/v1/conversations/" + call.get("conversation_id") + "/tasks");
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).path("kind").asText()).isEqualTo("CALLBACK");
        assertThat(tasks.get(0).path("status").asText()).isEqualTo("OPEN");
        assertThat(tasks.get(0).path("title").asText()).isEqualTo("Call back " + caller);
        JsonNode done = hub.read(hub.postJsonAsAdmin("/api/v1/tasks/" + tasks.get(0).path("id").asText() + "/done",
                Map.of("note", "Called back, order 1234 ships Friday")).body());
        assertThat(done.path("status").asText()).isEqualTo("DONE");

        // a conversation a call opened is answered in writing by SMS to the caller
        assertThat(hub.postJsonAsAdmin("/api/v1/conversations/" + call.get("conversation_id") + "/replies",
                Map.of("text", "We will call you at 3 pm")).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> !twilio.requestsTo(caller).isEmpty());
        assertThat(twilio.requestsTo(caller).get(0).form()).containsEntry("Body", "We will call you at 3 pm");
    }

    @Test
    void anAnsweredCallNamesTheAgentAndLeavesNoTask() throws Exception {
        String caller = phone("303");
        String callSid = sid("CA");
        post("/channels/twilio/voice", callParams(callSid, caller, "ringing"));
        await().atMost(Duration.ofSeconds(10)).until(() -> calls(callSid) == 1);
        String agentLeg = sid("CA");
        List<String[]> answered = new ArrayList<>(List.of(new String[] {"AccountSid", ACCOUNT},
                new String[] {"ApiVersion", "2010-04-01"}, new String[] {"CallSid", agentLeg},
                new String[] {"CallStatus", "in-progress"}, new String[] {"Called", "+15005550101"},
                new String[] {"Caller", caller}, new String[] {"Direction", "outbound-dial"},
                new String[] {"From", caller}, new String[] {"To", "+15005550101"},
                new String[] {"ParentCallSid", callSid}, new String[] {"CallbackSource", "call-progress-events"},
                new String[] {"SequenceNumber", "0"}, new String[] {"Timestamp", "Wed, 25 Nov 2026 10:00:05 +0000"}));
        assertThat(post("/channels/twilio/voice/agent?inbox=texts&agent=alice", answered).statusCode()).isEqualTo(204);
        HttpResponse<String> after = post("/channels/twilio/voice/dial?inbox=texts", with(callParams(callSid, caller,
                "in-progress"), "DialCallStatus", "completed", "DialCallSid", agentLeg, "DialCallDuration", "118",
                "DialBridged", "true"));
        assertThat(after.body()).contains("<Hangup/>").doesNotContain("<Record");
        post("/channels/twilio/voice/status", with(callParams(callSid, caller, "completed"), "CallDuration", "120"));

        await().atMost(Duration.ofSeconds(10)).until(() -> "120".equals(call(callSid).get("duration")));
        assertThat(call(callSid)).containsEntry("outcome", "ANSWERED").containsEntry("agent", "alice");
        assertThat(jdbc.queryForObject("select count(*) from conversation_task where interaction_id = ?", Long.class,
                call(callSid).get("id"))).isZero();
    }

    @Test
    void newsThatACallWasAnsweredAfterAllClosesItsCallbackTask() throws Exception {
        String caller = phone("303");
        String callSid = sid("CA");
        post("/channels/twilio/voice", callParams(callSid, caller, "ringing"));
        post("/channels/twilio/voice/status", with(callParams(callSid, caller, "completed"), "CallDuration", "30"));
        await().atMost(Duration.ofSeconds(10)).until(() -> calls(callSid) == 1
                && "MISSED".equals(call(callSid).get("outcome")));
        Object id = call(callSid).get("id");
        assertThat(jdbc.queryForObject("select status from conversation_task where interaction_id = ?", String.class,
                id)).isEqualTo("OPEN");

        post("/channels/twilio/voice/agent?inbox=texts&agent=bob", List.of(new String[] {"AccountSid", ACCOUNT},
                new String[] {"CallSid", sid("CA")}, new String[] {"ParentCallSid", callSid},
                new String[] {"CallStatus", "in-progress"}, new String[] {"From", caller}, new String[] {"To", "client:bob"}));
        await().atMost(Duration.ofSeconds(10)).until(() -> "ANSWERED".equals(call(callSid).get("outcome")));
        assertThat(call(callSid)).containsEntry("agent", "bob");
        assertThat(jdbc.queryForMap("select status, done_note from conversation_task where interaction_id = ?", id))
                .containsEntry("status", "DONE").containsEntry("done_note", "the call was answered after all");
    }

    @Test
    void forgedAndDuplicateCallWebhooks() throws Exception {
        String caller = phone("303");
        String callSid = sid("CA");
        List<String[]> params = callParams(callSid, caller, "ringing");
        assertThat(post("/channels/twilio/voice", params, "not-the-token").statusCode()).isEqualTo(403);
        assertThat(post("/channels/twilio/voice/status", with(params, "CallDuration", "9"), "not-the-token")
                .statusCode()).isEqualTo(403);
        // a refused webhook puts nothing on the bus: it stays so
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> calls(callSid) == 0);

        assertThat(post("/channels/twilio/voice", params).statusCode()).isEqualTo(200);
        assertThat(post("/channels/twilio/voice", params).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> calls(callSid) == 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> calls(callSid) == 1);
    }

    @Test
    void aCallContinuesTheCallersOpenSmsConversation() throws Exception {
        String caller = phone("720");
        String smsSid = sid("SM");
        List<String[]> sms = TwilioSmsWebhookIT.inboundSms(smsSid, caller, "I'll call you in a minute");
        assertThat(post("/channels/twilio/sms", sms).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from interaction where external_id = ?", Long.class, smsSid) == 1);
        String callSid = sid("CA");
        post("/channels/twilio/voice", callParams(callSid, caller, "ringing"));
        await().atMost(Duration.ofSeconds(10)).until(() -> calls(callSid) == 1);
        assertThat(call(callSid).get("conversation_id")).isEqualTo(jdbc.queryForObject(
                "select conversation_id from interaction where external_id = ?", Long.class, smsSid));
    }

    @Test
    void smsThenEmailThenACallFromOnePersonAreOneTimelineInOrder() throws Exception {
        String u = UUID.randomUUID().toString().substring(0, 8);
        String email = "caller-" + u + "@example.com";
        String phone = phone("718");
        // the form links the email address and the phone number on one customer
        assertThat(hub.postForm("contact", HubClient.fields("email", email, "phone", phone, "message", "Linking"))
                .statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from contact_point where value = ?", Long.class, phone) == 1);
        String smsSid = sid("SM");
        List<String[]> sms = TwilioSmsWebhookIT.inboundSms(smsSid, phone, "First an SMS");
        post("/channels/twilio/sms", sms);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from interaction where external_id = ?", Long.class, smsSid) == 1);
        mail.deliver("support", "From: " + email + "\r\nTo: support@hub.test\r\nSubject: Then a mail\r\nMessage-ID: <v-"
                + u + "@example.com>\r\n\r\nThen an email\r\n");
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "select count(*) from interaction where external_id = ?", Long.class, "v-" + u + "@example.com") == 1);
        String callSid = sid("CA");
        post("/channels/twilio/voice", callParams(callSid, phone, "ringing"));
        await().atMost(Duration.ofSeconds(10)).until(() -> calls(callSid) == 1);

        Long customer = jdbc.queryForObject("select customer_id from contact_point where value = ?", Long.class, email);
        JsonNode timeline = hub.getJson("/api/v1/customers/" + customer + "/timeline");
        List<String> channels = new ArrayList<>();
        timeline.path("items").forEach(i -> channels.add(i.path("channel").asText()));
        assertThat(channels).containsExactly("voice", "email", "sms", "webform");
    }

    @Test
    void clickToCallRingsTheAgentFirstThenBridgesToTheCustomer() throws Exception {
        String customer = phone("303");
        String smsSid = sid("SM");
        post("/channels/twilio/sms", TwilioSmsWebhookIT.inboundSms(smsSid, customer, "Please call me"));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from interaction where external_id = ?", Long.class, smsSid) == 1);
        Long conversation = jdbc.queryForObject("select conversation_id from interaction where external_id = ?",
                Long.class, smsSid);

        HttpResponse<String> placed = hub.postJsonAsAdmin("/api/v1/conversations/" + conversation + "/calls",
                Map.of("agentPhone", "+15005550177"));
        assertThat(placed.statusCode()).isEqualTo(202);
        long interaction = hub.read(placed.body()).path("interactionId").asLong();
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(jdbc.queryForObject(
                "select delivery_status from interaction where id = ?", String.class, interaction)));
        TwilioApiStub.Received request = twilio.requestsTo("+15005550177").get(0);
        assertThat(request.path()).endsWith("/Accounts/" + ACCOUNT + "/Calls.json");
        assertThat(request.form()).containsEntry("From", OUR_NUMBER)
                .containsEntry("StatusCallback", "https://hub.example.com/channels/twilio/voice/status?inbox=texts");
        assertThat(request.form().get("Twiml")).contains("<Number>" + customer + "</Number>",
                "callerId=\"" + OUR_NUMBER + "\"");

        String callSid = jdbc.queryForObject("select metadata ->> 'callSid' from interaction where id = ?", String.class,
                interaction);
        List<String[]> parent = new ArrayList<>(List.of(new String[] {"AccountSid", ACCOUNT},
                new String[] {"CallSid", callSid}, new String[] {"From", OUR_NUMBER}, new String[] {"To", "+15005550177"},
                new String[] {"Direction", "outbound-api"}, new String[] {"ApiVersion", "2010-04-01"}));
        HttpResponse<String> afterDial = post("/channels/twilio/voice/dial?inbox=texts", with(parent,
                "CallStatus", "in-progress", "DialCallStatus", "completed", "DialCallDuration", "65"));
        assertThat(afterDial.body()).contains("<Hangup/>");
        post("/channels/twilio/voice/status?inbox=texts", with(parent, "CallStatus", "completed", "CallDuration", "80"));
        await().atMost(Duration.ofSeconds(10)).until(() -> "80".equals(call(callSid).get("duration")));
        assertThat(call(callSid)).containsEntry("outcome", "ANSWERED").containsEntry("direction", "OUTBOUND")
                .containsEntry("conversation_id", conversation);
    }
}
