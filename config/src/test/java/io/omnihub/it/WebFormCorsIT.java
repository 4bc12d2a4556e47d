package io.omnihub.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A web page on another origin posts a form with JSON: the browser's pre-flight is answered from
 * the form's allowed origins, and the page can read every answer, errors included.
 */
@WithRunningHub
class WebFormCorsIT {

    static final String ALLOWED = "https://shop.example";

    @Autowired
    HubClient hub;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private HttpResponse<String> preflight(String form, String origin) {
        return hub.send(HttpRequest.newBuilder(hub.uri("/channels/webform/" + form))
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,idempotency-key")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    }

    @Test
    void preflightFromAnAllowedOriginIsAnswered() {
        HttpResponse<String> response = preflight("small", ALLOWED);
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED);
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValue("POST");
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElse(""))
                .containsIgnoringCase("content-type").containsIgnoringCase("idempotency-key");
    }

    @Test
    void preflightFromAnotherOriginOrForAnUnknownFormIsRefused() {
        HttpResponse<String> other = preflight("small", "https://evil.example");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(preflight("no-such-form", ALLOWED).statusCode()).isEqualTo(404);
    }

    @Test
    void theAnswerToACrossOriginPostCanBeReadByThePageEvenWhenItIsAnError() {
        HttpResponse<String> accepted = hub.send(HttpRequest.newBuilder(hub.uri("/channels/webform/small"))
                .header("Origin", ALLOWED).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"cors@example.com\",\"message\":\"hi\"}",
                        StandardCharsets.UTF_8)));
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(accepted.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED);
        String trackingId = hub.read(accepted.body()).get("trackingId").asText();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from interaction where external_id = ?", Integer.class, trackingId) == 1);

        HttpResponse<String> refused = hub.send(HttpRequest.newBuilder(hub.uri("/channels/webform/small"))
                .header("Origin", ALLOWED).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"cors@example.com\"}", StandardCharsets.UTF_8)));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED);
        assertThat(refused.body()).contains("field 'message' is required");
    }
}
