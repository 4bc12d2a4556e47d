package io.omnihub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * When the mail server refuses a reply: a permanent refusal (5xx) marks it FAILED at once with the
 * server's own words; a temporary one (4xx) is retried with backoff and, when the server never
 * takes it, marked FAILED with the reason after the last attempt. The agent sees why either way.
 */
@WithRunningHub
class EmailDeliveryFailuresIT {

    @Autowired
    MailServer mail;
    @Autowired
    HubClient hub;
    @Autowired
    JdbcTemplate jdbc;

    private long replyTo(String customer) {
        String id = "in-" + UUID.randomUUID() + "@example.com";
        mail.deliver("refused", "From: " + customer + "\r\nTo: refused@hub.test\r\nSubject: Help\r\nMessage-ID: <" + id
                + ">\r\n\r\nPlease help\r\n");
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "select count(*) from interaction where external_id = ?", Long.class, id) == 1);
        Long conversation = jdbc.queryForObject("select conversation_id from interaction where external_id = ?",
                Long.class, id);
        HttpResponse<String> answer = hub.postJsonAsAdmin("/api/v1/conversations/" + conversation + "/replies",
                Map.of("text", "Here is the help."));
        assertThat(answer.statusCode()).isEqualTo(202);
        return hub.read(answer.body()).get("interactionId").asLong();
    }

    private Map<String, Object> deliveryOf(long reply) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !"QUEUED".equals(jdbc.queryForObject(
                "select delivery_status from interaction where id = ?", String.class, reply)));
        return jdbc.queryForMap("select delivery_status, delivery_error from interaction where id = ?", reply);
    }

    @Test
    void aPermanentRefusalMarksTheReplyFailedWithTheServersReason() {
        long reply = replyTo("gone-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
        Map<String, Object> delivery = deliveryOf(reply);
        assertThat(delivery.get("delivery_status")).isEqualTo("FAILED");
        assertThat(delivery.get("delivery_error").toString()).startsWith("550").contains("User unknown");
    }

    @Test
    void aTemporaryRefusalIsRetriedAndFinallyMarkedFailedWithTheReason() {
        long reply = replyTo("busy-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
        Map<String, Object> delivery = deliveryOf(reply);
        assertThat(delivery.get("delivery_status")).isEqualTo("FAILED");
        assertThat(delivery.get("delivery_error").toString()).startsWith("gave up after 3 attempts")
                .contains("451");
    }
}
