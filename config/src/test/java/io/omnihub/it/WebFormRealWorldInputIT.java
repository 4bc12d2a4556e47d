package io.omnihub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Form posts as real clients send them, not as our own tidy tests do: a NUL byte ({@code %00} in a
 * form, {@code \u0000} in JSON) in the name or the message is accepted, and the submission reaches
 * the timeline within seconds with the NUL removed and the flag NUL_REMOVED, never retried as if
 * the database's refusal were temporary. A resubmission with the same Idempotency-Key is one
 * interaction.
 */
@WithRunningHub
class WebFormRealWorldInputIT {

    @Autowired
    HubClient hub;
    @Autowired
    JdbcTemplate jdbc;

    private Map<String, Object> stored(String trackingId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from interaction where external_id = ?", Integer.class, trackingId) == 1);
        return jdbc.queryForMap("select i.body_text, i.flags::text as flags, c.display_name, i.metadata::text as meta "
                + "from interaction i join customer c on c.id = i.customer_id where i.external_id = ?", trackingId);
    }

    @Test
    void nulBytesInAFormPostAreRemovedAndFlaggedNotDeadLettered() {
        String email = "nul-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        byte[] body = ("name=Ada%00Lovelace&email=" + email + "&message=line%00one%0D%0Aline two&orderNumber=A%0017")
                .getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> response = hub.post("/channels/webform/contact", "application/x-www-form-urlencoded",
                body, "Idempotency-Key", "nul-form-" + email);
        assertThat(response.statusCode()).isEqualTo(202);
        String trackingId = hub.read(response.body()).get("trackingId").asText();

        Map<String, Object> row = stored(trackingId);
        assertThat(row.get("body_text")).isEqualTo("lineone\r\nline two");
        assertThat(row.get("display_name")).isEqualTo("AdaLovelace");
        assertThat((String) row.get("flags")).contains("NUL_REMOVED");
        assertThat((String) row.get("meta")).contains("A17");

        // the same submission again (same Idempotency-Key): accepted, and still one interaction
        HttpResponse<String> again = hub.post("/channels/webform/contact", "application/x-www-form-urlencoded",
                body, "Idempotency-Key", "nul-form-" + email);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(hub.read(again.body()).get("trackingId").asText()).isEqualTo(trackingId);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> jdbc.queryForObject(
                "select count(*) from interaction where external_id = ?", Integer.class, trackingId) == 1);
        assertThat(jdbc.queryForObject("select count(*) from held_item where external_id = ?", Integer.class,
                trackingId)).isZero();
    }

    @Test
    void nulCharactersInJsonAreRemovedAndFlagged() {
        String email = "nul-json-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String json = "{\"name\": \"Grace\\u0000 Hopper\", \"email\": \"" + email
                + "\", \"message\": \"\\u0000bug\\u0000 found\", \"subject\": \"moth\\u0000\"}";
        HttpResponse<String> response = hub.post("/channels/webform/contact", "application/json",
                json.getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(202);
        String trackingId = hub.read(response.body()).get("trackingId").asText();

        Map<String, Object> row = stored(trackingId);
        assertThat(row.get("body_text")).isEqualTo("bug found");
        assertThat(row.get("display_name")).isEqualTo("Grace Hopper");
        assertThat((String) row.get("flags")).contains("NUL_REMOVED");
        JsonNode item = hub.getJson("/api/v1/customers?contact=" + email);
        long customer = item.get("id").asLong();
        JsonNode timeline = hub.getJson("/api/v1/customers/" + customer + "/timeline");
        assertThat(timeline.get("items").get(0).get("subject").asText()).isEqualTo("moth");
        List<String> flags = new java.util.ArrayList<>();
        timeline.get("items").get(0).get("flags").forEach(f -> flags.add(f.asText()));
        assertThat(flags).contains("NUL_REMOVED");
    }
}
