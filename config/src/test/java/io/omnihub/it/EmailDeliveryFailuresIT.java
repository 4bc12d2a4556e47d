package io.omnihub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * When the mail server cannot take a reply, the hub behaves like a mail server's queue: a
 * permanent refusal (5xx) marks it FAILED at once with the server's own words; a temporary one
 * (4xx, or the server unreachable) keeps it QUEUED with the reason and its next attempt, tries
 * again with backoff, sends it once the server is back, and only when the retry window
 * ({@code omnihub.outbound.retry.give-up-after}, 6 s in tests, 24 h by default) is over marks it
 * FAILED with the last reason. An agent can send a FAILED reply again.
 */
@WithRunningHub
class EmailDeliveryFailuresIT {

    /** Where the "later" mailbox's SMTP server listens once a test starts it. */
    private static final int LATER_SMTP = 31027;

    @Autowired
    MailServer mail;
    @Autowired
    HubClient hub;
    @Autowired
    JdbcTemplate jdbc;

    private long[] replyTo(String mailbox, String customer) {
        String id = "in-" + UUID.randomUUID() + "@example.com";
        mail.deliver(mailbox, "From: " + customer + "\r\nTo: " + mailbox + "@hub.test\r\nSubject: Help\r\nMessage-ID: <"
                + id + ">\r\n\r\nPlease help\r\n");
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "select count(*) from interaction where external_id = ?", Long.class, id) == 1);
        Long conversation = jdbc.queryForObject("select conversation_id from interaction where external_id = ?",
                Long.class, id);
        HttpResponse<String> answer = hub.postJsonAsAdmin("/api/v1/conversations/" + conversation + "/replies",
                Map.of("text", "Here is the help."));
        assertThat(answer.statusCode()).isEqualTo(202);
        return new long[] {conversation, hub.read(answer.body()).get("interactionId").asLong()};
    }

    private JsonNode view(long conversation, long reply) {
        for (JsonNode i : hub.getJson("/api/v1/conversations/" + conversation).get("interactions")) {
            if (i.get("id").asLong() == reply) {
                return i;
            }
        }
        throw new AssertionError("reply " + reply + " is not on conversation " + conversation);
    }

    private String status(long reply) {
        return jdbc.queryForObject("select delivery_status from interaction where id = ?", String.class, reply);
    }

    private Map<String, Object> deliveryOf(long reply) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !"QUEUED".equals(status(reply)));
        return jdbc.queryForMap("select delivery_status, delivery_error, delivery_attempts from interaction where id = ?",
                reply);
    }

    @Test
    void aPermanentRefusalMarksTheReplyFailedWithTheServersReason() {
        long reply = replyTo("refused", "gone-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com")[1];
        Map<String, Object> delivery = deliveryOf(reply);
        assertThat(delivery.get("delivery_status")).isEqualTo("FAILED");
        assertThat(delivery.get("delivery_error").toString()).startsWith("550").contains("User unknown");
    }

    @Test
    void aTemporaryRefusalIsRetriedWithBackoffShowingTheNextAttemptThenFailedWhenTheWindowIsOver() {
        long[] ids = replyTo("refused", "busy-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
        JsonNode waiting = await().atMost(Duration.ofSeconds(15)).until(() -> view(ids[0], ids[1]),
                v -> v.path("deliveryAttempts").asInt() >= 1 && "QUEUED".equals(v.path("deliveryStatus").asText()));
        assertThat(waiting.path("deliveryError").asText()).contains("trying again at").contains("451");
        assertThat(waiting.path("nextAttemptAt").isTextual()).isTrue();

        Map<String, Object> delivery = deliveryOf(ids[1]);
        assertThat(delivery.get("delivery_status")).isEqualTo("FAILED");
        assertThat(delivery.get("delivery_error").toString()).startsWith("gave up after").contains("over 6s")
                .contains("451");
        assertThat((Integer) delivery.get("delivery_attempts")).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aReplyWaitsWhileTheServerIsUnreachableAndIsSentWhenItIsBack() {
        long[] ids = replyTo("later", "patient-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
        JsonNode waiting = await().atMost(Duration.ofSeconds(15)).until(() -> view(ids[0], ids[1]),
                v -> v.path("deliveryAttempts").asInt() >= 1);
        assertThat(waiting.path("deliveryStatus").asText()).isEqualTo("QUEUED");
        assertThat(waiting.path("nextAttemptAt").isTextual()).isTrue();

        GreenMail smtp = new GreenMail(new ServerSetup(LATER_SMTP, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(status(ids[1])));
            assertThat(smtp.getReceivedMessages()).hasSize(1);
            assertThat(view(ids[0], ids[1]).path("nextAttemptAt").isNull()).isTrue();
        } finally {
            smtp.stop();
        }
    }

    @Test
    void aReplyFailedAfterALongOutageIsSentAgainByAnAgentAndOnlyOnce() throws Exception {
        long[] ids = replyTo("later", "late-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
        Map<String, Object> failed = deliveryOf(ids[1]);
        assertThat(failed.get("delivery_status")).isEqualTo("FAILED");
        assertThat(failed.get("delivery_error").toString()).startsWith("gave up after");

        GreenMail smtp = new GreenMail(new ServerSetup(LATER_SMTP, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            HttpResponse<String> resend = hub.postJsonAsAdmin("/api/v1/conversations/" + ids[0] + "/replies/" + ids[1]
                    + "/resend", Map.of());
            assertThat(resend.statusCode()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(status(ids[1])));
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                    .until(() -> smtp.getReceivedMessages().length == 1);
            assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'reply.resend' "
                    + "and entity_id = ?", Integer.class, String.valueOf(ids[1]))).isEqualTo(1);
            // a reply that is not FAILED is not sent again
            assertThat(hub.postJsonAsAdmin("/api/v1/conversations/" + ids[0] + "/replies/" + ids[1] + "/resend",
                    Map.of()).statusCode()).isEqualTo(409);
        } finally {
            smtp.stop();
        }
    }
}
