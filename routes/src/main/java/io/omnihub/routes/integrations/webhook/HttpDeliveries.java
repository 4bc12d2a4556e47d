package io.omnihub.routes.integrations.webhook;

import io.omnihub.routes.integrations.DeliveryResult;
import io.omnihub.routes.integrations.IntegrationTarget;
import io.omnihub.routes.integrations.TargetAuthorization;
import io.omnihub.routes.integrations.TargetClients;
import io.omnihub.routes.integrations.TargetSender;
import com.fasterxml.jackson.databind.JsonNode;
import io.omnihub.connectors.integrations.StandardWebhooks;
import io.omnihub.store.integration.IntegrationDeliveryQueue.Delivery;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Sends one event to a WEBHOOK or REST target. Every request carries the event id as
 * {@code Idempotency-Key} (and {@code webhook-id}), so a target that sees an event again can tell.
 * WEBHOOK: the envelope as JSON, POSTed, signed with each configured secret. REST: the method, path,
 * headers and body of the target's template.
 */
@Component
class HttpDeliveries implements TargetSender {

    private final HttpClient http;
    private final TargetAuthorization authorization;
    private final Clock clock;

    HttpDeliveries(TargetClients clients, Clock clock) {
        this.http = clients.http();
        this.authorization = clients.authorization();
        this.clock = clock;
    }

    @Override
    public Set<IntegrationTarget.Kind> kinds() {
        return Set.of(IntegrationTarget.Kind.WEBHOOK, IntegrationTarget.Kind.REST);
    }

    @Override
    public DeliveryResult send(String name, IntegrationTarget target, Delivery delivery, JsonNode envelope)
            throws InterruptedException {
        HttpRequest.Builder request;
        byte[] body;
        if (target.kind() == IntegrationTarget.Kind.WEBHOOK) {
            body = delivery.envelope().getBytes(StandardCharsets.UTF_8);
            long timestamp = clock.instant().getEpochSecond();
            request = HttpRequest.newBuilder(target.url())
                    .header(StandardWebhooks.ID, delivery.eventId())
                    .header(StandardWebhooks.TIMESTAMP, String.valueOf(timestamp))
                    .header(StandardWebhooks.SIGNATURE, StandardWebhooks.sign(target.secrets(), delivery.eventId(),
                            timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            IntegrationTarget.Rest rest = Optional.ofNullable(target.rest())
                    .orElse(new IntegrationTarget.Rest("POST", "", null, java.util.Map.of()));
            body = (rest.body() == null ? delivery.envelope() : EnvelopeTemplate.fill(rest.body(), envelope, false))
                    .getBytes(StandardCharsets.UTF_8);
            URI url = URI.create(target.url().toString().replaceAll("/$", "")
                    + EnvelopeTemplate.fill(rest.path(), envelope, true));
            request = HttpRequest.newBuilder(url).method(rest.method(), HttpRequest.BodyPublishers.ofByteArray(body));
            rest.headers().forEach((header, value) -> request.header(header, EnvelopeTemplate.fill(value, envelope,
                    false)));
        }
        request.timeout(target.timeout())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", delivery.eventId())
                .header("User-Agent", "Omnihub-Integrations/1");
        try {
            Optional<String> auth = authorization.header(name, target);
            auth.ifPresent(value -> request.header("Authorization", value));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401 && auth.isPresent()
                    && target.auth().type() == IntegrationTarget.AuthType.OAUTH2) {
                authorization.refused(name);
                return DeliveryResult.retry(401, "HTTP 401: the access token was refused; a new one is fetched");
            }
            return DeliveryResult.ofHttp(response.statusCode(), response.body());
        } catch (HttpTimeoutException e) {
            return DeliveryResult.retry(null, "no answer within " + target.timeout());
        } catch (IOException e) {
            return DeliveryResult.retry(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
