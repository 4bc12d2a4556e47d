package io.omnihub.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;

/**
 * How the benchmark signs in: once with the user's password to issue an API token, then with the
 * token, as an integration would. (Checking a password is deliberately slow, BCrypt; doing it on
 * every metrics call would measure the password hash, not the hub.)
 */
final class HubAccess {

    private HubAccess() {
    }

    /** The {@code Authorization} header value to use for every further call. */
    static String bearerToken(HttpClient http, URI hub, String user, String password) throws Exception {
        String body = new ObjectMapper().writeValueAsString(java.util.Map.of("username", user,
                "name", "benchmark " + java.time.Instant.now()));
        HttpResponse<String> issued = http.send(HttpRequest.newBuilder(hub.resolve("/api/v1/tokens"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (issued.statusCode() != 201) {
            throw new IllegalStateException("cannot issue an API token for " + user + " (needs ADMIN): HTTP "
                    + issued.statusCode() + " " + issued.body());
        }
        return "Bearer " + new ObjectMapper().readTree(issued.body()).path("token").asText();
    }
}
