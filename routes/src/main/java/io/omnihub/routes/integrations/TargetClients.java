package io.omnihub.routes.integrations;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The HTTP client event deliveries go out on (5 s to connect, redirects not followed: a target that moved is a
 * configuration to fix) and the authorization it sends, shared by the senders of every target.
 */
@Component
public class TargetClients {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final TargetAuthorization authorization;

    TargetClients(ObjectMapper json, Clock clock) {
        this.authorization = new TargetAuthorization(http, json, clock);
    }

    public HttpClient http() {
        return http;
    }

    public TargetAuthorization authorization() {
        return authorization;
    }
}
