package io.omnihub.it;

import static org.assertj.core.api.Assertions.assertThat;

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

    /** Every (method, path) of the OpenAPI document, with path variables filled in. */
    private List<String[]> operations() {
        JsonNode paths = hub.getJson("/api/v1/openapi.json").get("paths");
        List<String[]> operations = new ArrayList<>();
        paths.fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method ->
                operations.add(new String[] {method.toUpperCase(), path.getKey().replaceAll("\\{[^}]+}", "1")})));
        return operations;
    }

    private HttpResponse<String> call(String method, String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(hub.uri(path))
                .method(method, HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json");
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
        for (String[] op : operations()) {
            assertThat(call(op[0], op[1], wrong).statusCode()).as(op[0] + " " + op[1]).isEqualTo(401);
            assertThat(call(op[0], op[1], "Bearer omh_forged").statusCode()).as(op[0] + " " + op[1]).isEqualTo(401);
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

    @Test
    void repeatedWrongPasswordsLockTheAccount() {
        hub.postJsonAsAdmin("/api/v1/admin/users", Map.of("username", "agent-lock", "displayName", "Agent",
                "password", "the-right-password", "roles", List.of("AGENT")));
        assertThat(hub.get("/api/v1/conversations", "agent-lock", "the-right-password").statusCode()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            assertThat(hub.get("/api/v1/conversations", "agent-lock", "wrong-" + i).statusCode()).isEqualTo(401);
        }
        assertThat(hub.get("/api/v1/conversations", "agent-lock", "the-right-password").statusCode()).isEqualTo(401);
    }

    @Test
    void guessingAnIntegrationsPasswordDoesNotSwitchOffItsTokens() {
        hub.postJsonAsAdmin("/api/v1/admin/users", Map.of("username", "scm-sync", "displayName", "SCM sync",
                "password", "a-long-integration-password", "roles", List.of("INTEGRATION")));
        String token = hub.read(hub.postJsonAsAdmin("/api/v1/tokens", Map.of("username", "scm-sync", "name", "scm"))
                .body()).get("token").asText();
        for (int i = 0; i < 6; i++) {
            assertThat(hub.get("/api/v1/conversations", "scm-sync", "guess-" + i).statusCode()).isEqualTo(401);
        }
        assertThat(hub.get("/api/v1/conversations", "scm-sync", "a-long-integration-password").statusCode())
                .as("the password sign-in is locked").isEqualTo(401);
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
