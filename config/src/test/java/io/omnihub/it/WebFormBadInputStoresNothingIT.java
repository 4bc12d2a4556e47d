package io.omnihub.it;

import static io.omnihub.it.HubClient.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bad input is answered clearly and stores nothing: each refused post names what is wrong, and
 * afterwards no interaction, customer, blob or bus message exists for it. A filled honeypot is
 * accepted like any post but kept in quarantine, out of every inbox.
 */
@WithRunningHub
class WebFormBadInputStoresNothingIT {

    @Autowired
    HubClient hub;
    @Autowired
    JdbcTemplate jdbc;

    private long interactionsBefore;
    private long customersBefore;
    private long blobsBefore;

    /** Rows of the web-form channel only: mailboxes of the same test hub import mail meanwhile. */
    private long count(String table) {
        String webFormOnly = switch (table) {
            case "interaction" -> " where channel = 'webform'";
            case "customer" -> " where id in (select customer_id from contact_point where source like 'webform:%')";
            default -> "";
        };
        Long n = jdbc.queryForObject("select count(*) from " + table + webFormOnly, Long.class);
        return n == null ? 0 : n;
    }

    @BeforeEach
    void rememberCounts() {
        interactionsBefore = count("interaction");
        customersBefore = count("customer");
        blobsBefore = count("blob");
    }

    /** Posts a valid sentinel and waits for it: whatever was posted before it has been handled. */
    private void assertNothingStored() {
        String email = "sentinel-" + UUID.randomUUID() + "@example.com";
        hub.postForm("contact", fields("email", email, "message", "sentinel"));
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Integer n = jdbc.queryForObject("select count(*) from contact_point where value = ?", Integer.class, email);
            return n != null && n == 1;
        });
        assertThat(count("interaction")).isEqualTo(interactionsBefore + 1);
        assertThat(count("customer")).isEqualTo(customersBefore + 1);
        assertThat(count("blob")).isEqualTo(blobsBefore);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detailContains) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains(detailContains);
    }

    @Test
    void unknownFormIsNotFound() {
        assertProblem(hub.postForm("no-such-form", fields("email", "a@b.io", "message", "m")), 404,
                "there is no form 'no-such-form'");
        assertNothingStored();
    }

    @Test
    void missingRequiredFieldIsABadRequestNamingTheField() {
        HttpResponse<String> response = hub.postForm("small", fields("email", "a@b.io"));
        assertProblem(response, 400, "field 'message' is required");
        assertThat(hub.read(response.body()).get("field").asText()).isEqualTo("message");
        assertNothingStored();
    }

    @Test
    void invalidEmailIsABadRequestNamingTheField() {
        HttpResponse<String> response = hub.postForm("contact", fields("email", "ana at example", "message", "m"));
        assertProblem(response, 400, "field 'email' is not a valid e-mail address");
        assertNothingStored();
    }

    @Test
    void invalidPhoneIsABadRequestNamingTheField() {
        assertProblem(hub.postForm("contact", fields("phone", "call me maybe", "message", "m")), 400, "field 'phone'");
        assertNothingStored();
    }

    @Test
    void bodyOverTheFormLimitIsTooLarge() {
        assertProblem(hub.postForm("small", fields("email", "a@b.io", "message", "x".repeat(2000))), 413,
                "accepts at most");
        assertNothingStored();
    }

    @Test
    void attachmentOverTheLimitIsTooLarge() {
        HubClient.Multipart form = new HubClient.Multipart().field("email", "a@b.io").field("message", "m")
                .file("f", "big.txt", "text/plain", "x".repeat(1500).getBytes(StandardCharsets.UTF_8));
        assertProblem(hub.post("/channels/webform/small", form.contentType(), form.bytes()), 413, "big.txt");
        assertNothingStored();
    }

    @Test
    void attachmentOfAnUnacceptedTypeIsRefused() {
        HubClient.Multipart form = new HubClient.Multipart().field("email", "a@b.io").field("message", "m")
                .file("f", "run.exe", "application/x-msdownload", "MZ".getBytes(StandardCharsets.UTF_8));
        assertProblem(hub.post("/channels/webform/small", form.contentType(), form.bytes()), 415, "run.exe");
        assertNothingStored();
    }

    @Test
    void malformedJsonIsABadRequest() {
        assertProblem(hub.post("/channels/webform/contact", "application/json",
                "{\"email\": ".getBytes(StandardCharsets.UTF_8)), 400, "not valid JSON");
        assertNothingStored();
    }

    @Test
    void postFromAnOriginTheFormDoesNotAllowIsForbidden() {
        byte[] body = HubClient.urlEncoded(fields("email", "a@b.io", "message", "m")).getBytes(StandardCharsets.UTF_8);
        assertProblem(hub.post("/channels/webform/small", "application/x-www-form-urlencoded", body,
                "Origin", "https://evil.example"), 403, "https://evil.example");
        assertNothingStored();
    }

    @Test
    void wrongOrMissingSignatureIsUnauthorizedAndAValidOneIsAccepted() throws Exception {
        byte[] body = "{\"email\":\"signed@example.com\",\"message\":\"from the portal\"}".getBytes(StandardCharsets.UTF_8);
        assertProblem(hub.post("/channels/webform/signed", "application/json", body), 401, "X-Omnihub-Signature");
        long t = Instant.now().getEpochSecond();
        assertProblem(hub.post("/channels/webform/signed", "application/json", body,
                "X-Omnihub-Signature", "t=" + t + ",v1=" + hmac("wrong-secret", t + ".", body)), 401, "does not match");
        assertNothingStored();

        HttpResponse<String> ok = hub.post("/channels/webform/signed", "application/json", body,
                "X-Omnihub-Signature", "t=" + t + ",v1=" + hmac("it-signing-secret", t + ".", body));
        assertThat(ok.statusCode()).isEqualTo(202);
        // recorded before the next test counts what is stored
        String trackingId = hub.read(ok.body()).get("trackingId").asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from interaction where external_id = ?", Integer.class, trackingId) == 1);
    }

    @Test
    void filledHoneypotIsAcceptedSilentlyButQuarantinedOutOfTheInbox() {
        String email = "bot-" + UUID.randomUUID() + "@example.com";
        HttpResponse<String> response = hub.postForm("contact", fields("email", email, "message", "cheap pills",
                "website", "http://spam.example"));
        assertThat(response.statusCode()).isEqualTo(202);
        String trackingId = hub.read(response.body()).get("trackingId").asText();

        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Integer n = jdbc.queryForObject("select count(*) from quarantined_submission where external_id = ?",
                    Integer.class, trackingId);
            return n != null && n == 1;
        });
        assertNothingStored();
        JsonNode open = hub.getJson("/api/v1/conversations?limit=200");
        assertThat(open.get("items").toString()).doesNotContain("cheap pills");
    }

    @Test
    void browserFormPostIsRedirectedToTheThankYouPage() {
        HttpResponse<String> response = hub.send(HttpRequest.newBuilder(hub.uri("/channels/webform/small"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html,application/xhtml+xml")
                .header("Origin", "https://shop.example")
                .POST(HttpRequest.BodyPublishers.ofString(HubClient.urlEncoded(
                        fields("email", "browser@example.com", "message", "hello")))));
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).startsWith("https://shop.example/thanks?trackingId="));
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://shop.example");
        // recorded before the next test counts what is stored (a late one was counted as a refused post's)
        String trackingId = response.headers().firstValue("Location").orElseThrow().replaceAll(".*trackingId=", "");
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from interaction where external_id = ?", Integer.class, trackingId) == 1);
    }

    private static String hmac(String secret, String prefix, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update(prefix.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
