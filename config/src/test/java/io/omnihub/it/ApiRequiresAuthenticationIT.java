package io.omnihub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * No one in where they don't belong: every operation of the published API document refuses an
 * anonymous caller and a wrong password; tokens work until revoked; roles limit what a token's
 * owner may do; the console wants a sign-in.
 */
@WithRunningHub
class ApiRequiresAuthenticationIT {

    @Autowired
    HubClient hub;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    /** Every (method, path) of the OpenAPI document, with path variables filled in. */
    private List<String[]> operations() {
        JsonNode paths = hub.getJson("/api/v1/openapi.json").get("paths");
        List<String[]> operations = new ArrayList<>();
        paths.fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method ->
                operations.add(new String[] {method.toUpperCase(), path.getKey().replaceAll("\\{[^}]+}", "1")})));
        return operations;
    }

    private HttpResponse<String> call(String method, String path, String authorization) {
        return call(method, path, authorization, null);
    }

    private HttpResponse<String> call(String method, String path, String authorization, String clientAddress) {
        HttpRequest.Builder request = HttpRequest.newBuilder(hub.uri(path))
                .method(method, HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json");
        if (clientAddress != null) {
            request.header("X-Forwarded-For", clientAddress);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return hub.send(request);
    }

    @Test
    void everyOperationOfTheApiRefusesAnonymousCallers() {
        List<String[]> operations = operations();
        assertThat(operations).hasSizeGreaterThanOrEqualTo(8);
        for (String[] op : operations) {
            HttpResponse<String> response = call(op[0], op[1], null);
            assertThat(response.statusCode()).as(op[0] + " " + op[1]).isEqualTo(401);
            assertThat(response.headers().allValues("WWW-Authenticate")).as(op[0] + " " + op[1]).isNotEmpty();
        }
        assertThat(call("GET", "/api/v1/openapi.json", null).statusCode()).isEqualTo(401);
    }

    @Test
    void everyOperationRefusesAWrongPasswordAndAnUnknownToken() {
        // a user of its own: wrong passwords lock the account they name, and the other tests sign in as admin
        hub.postJsonAsAdmin("/api/v1/admin/users", Map.of("username", "wrong-password-target", "displayName", "Target",
                "password", "the-real-password", "roles", List.of("AGENT")));
        String wrong = "Basic " + java.util.Base64.getEncoder()
                .encodeToString("wrong-password-target:not-the-password".getBytes());
        int n = 0;
        for (String[] op : operations()) {
            // refused: 401, or 429 once the sign-in throttle slows this user down
            assertThat(call(op[0], op[1], wrong, "192.0.2." + (n++ % 250)).statusCode()).as(op[0] + " " + op[1])
                    .isIn(401, 429);
            assertThat(call(op[0], op[1], "Bearer omh_forged", null).statusCode()).as(op[0] + " " + op[1])
                    .isEqualTo(401);
        }
    }

    @Test
    void integrationTokenReadsTheApiButNotAdministrationAndStopsWhenRevoked() {
        HttpResponse<String> created = hub.postJsonAsAdmin("/api/v1/admin/users", Map.of("username", "erp-sync",
                "displayName", "ERP sync", "password", "a-long-integration-password", "roles", List.of("INTEGRATION")));
        assertThat(created.statusCode()).isIn(201, 400);
        HttpResponse<String> issued = hub.postJsonAsAdmin("/api/v1/tokens", Map.of("username", "erp-sync",
                "name", "erp"));
        assertThat(issued.statusCode()).isEqualTo(201);
        JsonNode token = hub.read(issued.body());
        assertThat(token.get("token").asText()).startsWith("omh_");

        assertThat(hub.getWithToken("/api/v1/conversations", token.get("token").asText()).statusCode()).isEqualTo(200);
        assertThat(hub.getWithToken("/api/v1/admin/users", token.get("token").asText()).statusCode()).isEqualTo(403);
        assertThat(hub.getWithToken("/actuator/prometheus", token.get("token").asText()).statusCode()).isEqualTo(200);

        HttpResponse<String> revoked = hub.send(HttpRequest.newBuilder(hub.uri("/api/v1/tokens/" + token.get("id")))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString((HubClient.ADMIN + ":" + HubClient.ADMIN_PASSWORD).getBytes()))
                .DELETE());
        assertThat(revoked.statusCode()).isEqualTo(204);
        assertThat(hub.getWithToken("/api/v1/conversations", token.get("token").asText()).statusCode()).isEqualTo(401);
    }

    /**
     * Throttling, not lock-out: after 3 wrong passwords of a user at one address, each further one
     * doubles a delay (1 s, 2 s, 4 s...) during which even the right password is refused with 429, a
     * Retry-After and the reason; once it has passed the right password works; an administrator can
     * clear it at once. Audited.
     */
    @Test
    void repeatedWrongPasswordsSlowTheUserDownForAWhileNotForEver() {
        String at = "203.0.113.50";
        hub.postJsonAsAdmin("/api/v1/admin/users", Map.of("username", "agent-throttle", "displayName", "Agent",
                "password", "the-right-password", "roles", List.of("AGENT")));
        assertThat(hub.getFrom(at, "/api/v1/conversations", "agent-throttle", "the-right-password").statusCode()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            assertThat(hub.getFrom(at, "/api/v1/conversations", "agent-throttle", "wrong-" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> refused = hub.getFrom(at, "/api/v1/conversations", "agent-throttle", "the-right-password");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(hub.read(refused.body()).path("detail").asText()).startsWith("too many failed sign-ins: try again in");
        await().atMost(java.time.Duration.ofSeconds(20)).until(() -> hub.getFrom(at, "/api/v1/conversations",
                "agent-throttle", "the-right-password").statusCode() == 200);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'sign-in.throttled' "
                + "and entity_id = ?", Integer.class, "pair:agent-throttle " + at)).isPositive();

        // slowed for longer now (the count goes on): an administrator lets the user in at once
        for (int i = 0; i < 8; i++) {
            hub.getFrom(at, "/api/v1/conversations", "agent-throttle", "wrong-again-" + i);
        }
        assertThat(hub.getFrom(at, "/api/v1/conversations", "agent-throttle", "the-right-password").statusCode()).isEqualTo(429);
        assertThat(hub.send(java.net.http.HttpRequest.newBuilder(hub.uri("/api/v1/admin/users/agent-throttle/sign-in-throttle"))
                .header("Authorization", basic(HubClient.ADMIN, HubClient.ADMIN_PASSWORD)).DELETE()).statusCode())
                .isEqualTo(200);
        assertThat(hub.getFrom(at, "/api/v1/conversations", "agent-throttle", "the-right-password").statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'sign-in.throttle-cleared' "
                + "and entity_id = 'agent-throttle'", Integer.class)).isEqualTo(1);
    }

    /**
     * Someone at one address guessing any user's password is slowed down for every sign-in from
     * there, but cannot keep a named user out elsewhere: the user signs in from their own address.
     */
    @Test
    void anAddressGuessingManyUsersIsSlowedButCannotLockAUserOutElsewhere() {
        String guesser = "198.51.100.77";
        // a colleague who signed in from the same (office) address before
        hub.createUser("agent-office", "the-office-password", "AGENT");
        assertThat(hub.getFrom(guesser, "/api/v1/conversations", "agent-office", "the-office-password").statusCode())
                .isEqualTo(200);
        for (int i = 0; i < 11; i++) {
            hub.getFrom(guesser, "/api/v1/conversations", "nobody-" + i, "guess");
        }
        for (int i = 0; i < 5; i++) {
            hub.getFrom(guesser, "/api/v1/conversations", HubClient.ADMIN, "guess-" + i);
        }
        assertThat(hub.getFrom(guesser, "/api/v1/conversations", HubClient.ADMIN, HubClient.ADMIN_PASSWORD)
                .statusCode()).as("from the guesser's address").isEqualTo(429);
        assertThat(hub.getFrom("198.51.100.78", "/api/v1/conversations", HubClient.ADMIN, HubClient.ADMIN_PASSWORD)
                .statusCode()).as("the administrator at their own address").isEqualTo(200);
        assertThat(hub.getFrom(guesser, "/api/v1/conversations", "agent-office", "the-office-password").statusCode())
                .as("the colleague who signed in there before").isEqualTo(200);
    }

    /**
     * Guesses spread over many addresses slow the user down everywhere — but only for a short while,
     * and never at an address they signed in from before: a stranger cannot keep them from their desk.
     */
    @Test
    void guessesFromManyAddressesCannotKeepAUserFromTheirUsualDesk() {
        String desk = "203.0.113.70";
        hub.postJsonAsAdmin("/api/v1/admin/users", Map.of("username", "agent-desk", "displayName", "Agent at a desk",
                "password", "the-desk-password", "roles", List.of("AGENT")));
        assertThat(hub.getFrom(desk, "/api/v1/conversations", "agent-desk", "the-desk-password").statusCode())
                .isEqualTo(200);
        for (int i = 0; i < 24; i++) {
            assertThat(hub.getFrom("100.64.0." + (10 + i), "/api/v1/conversations", "agent-desk", "guess-" + i)
                    .statusCode()).isIn(401, 429);
        }
        HttpResponse<String> elsewhere = hub.getFrom("100.64.1.1", "/api/v1/conversations", "agent-desk",
                "the-desk-password");
        assertThat(elsewhere.statusCode()).as("from an address never used before").isEqualTo(429);
        assertThat(Long.parseLong(elsewhere.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(hub.getFrom(desk, "/api/v1/conversations", "agent-desk", "the-desk-password").statusCode())
                .as("at their usual desk").isEqualTo(200);
    }

    private static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
    }

    @Test
    void guessingAnIntegrationsPasswordDoesNotSwitchOffItsTokens() {
        hub.postJsonAsAdmin("/api/v1/admin/users", Map.of("username", "scm-sync", "displayName", "SCM sync",
                "password", "a-long-integration-password", "roles", List.of("INTEGRATION")));
        String token = hub.read(hub.postJsonAsAdmin("/api/v1/tokens", Map.of("username", "scm-sync", "name", "scm"))
                .body()).get("token").asText();
        for (int i = 0; i < 6; i++) {
            assertThat(hub.getFrom("203.0.113.60", "/api/v1/conversations", "scm-sync", "guess-" + i).statusCode())
                    .isIn(401, 429);
        }
        assertThat(hub.getFrom("203.0.113.60", "/api/v1/conversations", "scm-sync", "a-long-integration-password")
                .statusCode())
                .as("the password sign-in is throttled").isEqualTo(429);
        assertThat(hub.getWithToken("/api/v1/conversations", token).statusCode()).as("the token still works")
                .isEqualTo(200);
    }

    @Test
    void aMalformedLastEventIdIsABadRequest() {
        HttpResponse<String> response = hub.send(HttpRequest.newBuilder(hub.uri("/api/v1/events"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString((HubClient.ADMIN + ":" + HubClient.ADMIN_PASSWORD).getBytes()))
                .header("Last-Event-ID", "not-a-number").GET());
        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void consoleWantsASignIn() {
        HttpResponse<String> response = hub.send(HttpRequest.newBuilder(hub.uri("/console")).GET());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login"));
    }
}
