package io.omnihub.routes.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code Authorization} header a target wants: Basic, Bearer, or an OAuth2 access token from
 * the client-credentials grant, kept until 30 seconds before it expires and fetched again after the
 * target answered 401.
 */
public final class TargetAuthorization {

    private record Token(String value, Instant expires) {
    }

    private final HttpClient http;
    private final ObjectMapper json;
    private final Clock clock;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    public TargetAuthorization(HttpClient http, ObjectMapper json, Clock clock) {
        this.http = http;
        this.json = json;
        this.clock = clock;
    }

    /** The header value, if the target wants one. */
    public Optional<String> header(String name, IntegrationTarget target) throws IOException, InterruptedException {
        IntegrationTarget.Auth auth = target.auth();
        if (auth == null) {
            return Optional.empty();
        }
        return switch (auth.type()) {
            case NONE -> Optional.empty();
            case BASIC -> Optional.of("Basic " + Base64.getEncoder().encodeToString(
                    (auth.username() + ":" + auth.password()).getBytes(StandardCharsets.UTF_8)));
            case BEARER -> Optional.of("Bearer " + auth.token());
            case OAUTH2 -> Optional.of("Bearer " + token(name, target));
        };
    }

    /** The target refused our token: the next request fetches a new one. */
    public void refused(String name) {
        tokens.remove(name);
    }

    private String token(String name, IntegrationTarget target) throws IOException, InterruptedException {
        Token cached = tokens.get(name);
        if (cached != null && cached.expires().isAfter(clock.instant())) {
            return cached.value();
        }
        IntegrationTarget.Auth auth = target.auth();
        String form = "grant_type=client_credentials" + (auth.scope() == null ? ""
                : "&scope=" + URLEncoder.encode(auth.scope(), StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(auth.tokenUrl())
                .timeout(target.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (URLEncoder.encode(auth.clientId(), StandardCharsets.UTF_8) + ":"
                                + URLEncoder.encode(auth.clientSecret(), StandardCharsets.UTF_8))
                                .getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("the token endpoint " + auth.tokenUrl() + " answered " + response.statusCode());
        }
        JsonNode body = json.readTree(response.body());
        String value = body.path("access_token").asText(null);
        if (value == null) {
            throw new IOException("the token endpoint " + auth.tokenUrl() + " gave no access_token");
        }
        long seconds = body.path("expires_in").asLong(300);
        tokens.put(name, new Token(value, clock.instant().plus(Duration.ofSeconds(Math.max(seconds - 30, 0)))));
        return value;
    }
}
