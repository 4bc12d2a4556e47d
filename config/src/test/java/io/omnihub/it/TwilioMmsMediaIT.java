package io.omnihub.it;

import static io.omnihub.it.TwilioSmsWebhookIT.PUBLIC_URL;
import static io.omnihub.it.TwilioSmsWebhookIT.TOKEN;
import static io.omnihub.it.TwilioSmsWebhookIT.form;
import static io.omnihub.it.TwilioSmsWebhookIT.twilioSignature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * MMS with media, Twilio's real parameter set: the text is recorded at once, the media are
 * fetched afterwards with the account's credentials from Twilio's API (here the local stand-in the
 * inbox's api-base-url points at) and stored as attachments. Addresses that are not Twilio's, and
 * redirects to loopback, are never requested; a media server that fails once is tried again; files
 * too large or of a type not kept are given up, and the interaction says why.
 */
@WithRunningHub
class TwilioMmsMediaIT {

    private static final String MEDIA = "https://api.twilio.com/2010-04-01/Accounts/ACit000000000000000000000000000000"
            + "/Messages/%s/Media/%s";

    @Autowired
    HubClient hub;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TwilioApiStub twilio;

    static List<String[]> inboundMms(String sid, String from, String body, String[]... media) {
        List<String[]> params = TwilioSmsWebhookIT.inboundSms(sid, from, body);
        params.replaceAll(p -> p[0].equals("NumMedia") ? new String[] {"NumMedia", String.valueOf(media.length)} : p);
        for (int i = 0; i < media.length; i++) {
            params.add(new String[] {"MediaContentType" + i, media[i][1]});
            params.add(new String[] {"MediaUrl" + i, media[i][0]});
        }
        return params;
    }

    private long post(List<String[]> params) throws Exception {
        HttpResponse<String> response = hub.send(HttpRequest.newBuilder(hub.uri("/channels/twilio/sms"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", twilioSignature(TOKEN, PUBLIC_URL, params))
                .POST(HttpRequest.BodyPublishers.ofString(form(params))));
        assertThat(response.statusCode()).isEqualTo(200);
        String sid = params.stream().filter(p -> p[0].equals("MessageSid")).findFirst().orElseThrow()[1];
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from interaction where external_id = ?", Long.class, sid) == 1);
        return jdbc.queryForObject("select id from interaction where external_id = ?", Long.class, sid);
    }

    private List<Map<String, Object>> attachments(long interaction) {
        return jdbc.queryForList("select file_name, content_type, size_bytes, sha256 from attachment "
                + "where interaction_id = ? order by file_name", interaction);
    }

    private String mediaStatus(long interaction) {
        return String.join(",", jdbc.queryForList(
                "select status from media_fetch where interaction_id = ? order by id", String.class, interaction));
    }

    private static String sid() {
        return "MM" + UUID.randomUUID().toString().replace("-", "");
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void anMmsWithTwoMediaKeepsItsTextAndGainsBothFilesAsAttachments() throws Exception {
        String sid = sid();
        long interaction = post(inboundMms(sid, "+14155550121", "Here is the broken part",
                new String[] {MEDIA.formatted(sid, "MEpng"), "image/png"},
                new String[] {MEDIA.formatted(sid, "MEredirect"), "image/jpeg"}));
        assertThat(jdbc.queryForObject("select body_text from interaction where id = ?", String.class, interaction))
                .isEqualTo("Here is the broken part");

        await().atMost(Duration.ofSeconds(15)).until(() -> attachments(interaction).size() == 2);
        List<Map<String, Object>> files = attachments(interaction);
        assertThat(files.get(0)).containsEntry("file_name", "media-1.png").containsEntry("content_type", "image/png")
                .containsEntry("sha256", sha256(TwilioApiStub.PNG));
        assertThat(files.get(1)).containsEntry("file_name", "media-2.jpg").containsEntry("content_type", "image/jpeg")
                .containsEntry("sha256", sha256(TwilioApiStub.JPEG));
        assertThat(mediaStatus(interaction)).isEqualTo("FETCHED,FETCHED");

        JsonNode conversation = hub.getJson("/api/v1/conversations/" + jdbc.queryForObject(
                "select conversation_id from interaction where id = ?", Long.class, interaction));
        assertThat(conversation.toString()).contains("media-1.png", "media-2.jpg");
        // the account's credentials went to Twilio's API; the storage it redirected to got none
        assertThat(twilio.requests("/storage/photo.jpg")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.authorization()).isNull());
        assertThat(twilio.requests("/2010-04-01/Accounts/ACit000000000000000000000000000000/Messages/" + sid
                + "/Media/MEpng")).isNotEmpty().allSatisfy(r -> assertThat(r.authorization()).startsWith("Basic "));
    }

    @Test
    void mediaUrlsThatAreNotTwilioOrRedirectToLoopbackAreNeverRequested() throws Exception {
        String sid = sid();
        long interaction = post(inboundMms(sid, "+14155550122", "look at this",
                new String[] {"http://169.254.169.254/latest/meta-data/iam/security-credentials/", "image/png"},
                new String[] {"http://127.0.0.1:31143/", "image/png"},
                new String[] {"https://evil.example.com/x.png", "image/png"},
                new String[] {MEDIA.formatted(sid, "MEloopback"), "image/png"}));

        await().atMost(Duration.ofSeconds(15)).until(() -> mediaStatus(interaction).equals(
                "FAILED,FAILED,FAILED,FAILED"));
        assertThat(attachments(interaction)).isEmpty();
        assertThat(twilio.paths()).doesNotContain("/secret");
        String failures = jdbc.queryForObject("select metadata ->> 'mediaFailures' from interaction where id = ?",
                String.class, interaction);
        assertThat(failures).contains("not http://169.254.169.254", "not http://127.0.0.1",
                "Twilio's hosts only, not evil.example.com", "not http://localhost");
        assertThat(jdbc.queryForObject("select body_text from interaction where id = ?", String.class, interaction))
                .isEqualTo("look at this");
    }

    @Test
    void aMediaServerThatFailsOnceIsTriedAgain() throws Exception {
        String sid = sid();
        long interaction = post(inboundMms(sid, "+14155550123", "",
                new String[] {MEDIA.formatted(sid, "MEflaky"), "image/png"}));
        await().atMost(Duration.ofSeconds(15)).until(() -> attachments(interaction).size() == 1);
        assertThat(jdbc.queryForObject("select attempts from media_fetch where interaction_id = ?", Integer.class,
                interaction)).isEqualTo(2);
    }

    @Test
    void filesTooLargeOrOfATypeNotKeptAreGivenUpWithTheReason() throws Exception {
        String sid = sid();
        long interaction = post(inboundMms(sid, "+14155550124", "video and a page",
                new String[] {MEDIA.formatted(sid, "MEhuge"), "video/mp4"},
                new String[] {MEDIA.formatted(sid, "MEhtml"), "text/html"},
                new String[] {MEDIA.formatted(sid, "MEgone"), "image/png"}));
        await().atMost(Duration.ofSeconds(20)).until(() -> mediaStatus(interaction).equals("FAILED,FAILED,FAILED"));
        assertThat(attachments(interaction)).isEmpty();
        String failures = jdbc.queryForObject("select metadata ->> 'mediaFailures' from interaction where id = ?",
                String.class, interaction);
        assertThat(failures).contains("over the limit", "text/html is not kept", "still failing after 3 attempts");
    }
}
