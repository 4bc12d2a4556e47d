package io.omnihub.routes.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnihub.connectors.integrations.BusinessEventReader;
import io.omnihub.connectors.integrations.BusinessEventPublisher;
import io.omnihub.store.integration.FeedCursors;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Polls a business-event feed: asks for the events after the stored cursor, records each like a
 * posted one (a duplicate changes nothing, an unknown customer is kept), and stores the new cursor
 * only after all of them are recorded — so a crash re-reads a page, never skips one. Follows
 * {@code more: true} for up to 20 pages a poll.
 */
@Component
public class BusinessEventPoller {

    private static final Logger log = LoggerFactory.getLogger(BusinessEventPoller.class);
    private static final int MAX_PAGES = 20;

    private final IntegrationsProperties settings;
    private final BusinessEventPublisher bus;
    private final BusinessEventReader reader;
    private final ObjectMapper json;
    private final FeedCursors cursors;
    private final HttpClient http;
    private final TargetAuthorization authorization;

    BusinessEventPoller(IntegrationsProperties settings, BusinessEventPublisher bus, ObjectMapper json, FeedCursors cursors,
            TargetClients clients) {
        this.settings = settings;
        this.bus = bus;
        this.reader = new BusinessEventReader(json);
        this.json = json;
        this.cursors = cursors;
        this.http = clients.http();
        this.authorization = clients.authorization();
    }

    /** One poll of the feed; returns how many events it read. */
    public int poll(String name) throws InterruptedException {
        BusinessEventFeed feed = settings.businessEventFeeds().get(name);
        String cursor = cursors.cursor(name);
        int read = 0;
        try {
            for (int page = 0; page < MAX_PAGES; page++) {
                JsonNode answer = fetch(name, feed, cursor);
                JsonNode events = answer.path("events");
                for (JsonNode item : events) {
                    read++;
                    record(name, item);
                }
                String next = answer.path("cursor").asText(null);
                if (next != null) {
                    cursor = next;
                    cursors.advanced(name, cursor);
                }
                if (!answer.path("more").asBoolean(false) || events.isEmpty()) {
                    break;
                }
            }
            cursors.polled(name);
        } catch (IOException e) {
            log.warn("business-event feed {} not read: {}", name, e.getMessage());
            cursors.failed(name, e.getMessage());
        }
        return read;
    }

    private JsonNode fetch(String name, BusinessEventFeed feed, String cursor) throws IOException, InterruptedException {
        String url = feed.url().toString() + (cursor == null ? "" : (feed.url().getRawQuery() == null ? "?" : "&")
                + feed.cursorParameter() + "=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(feed.timeout())
                .header("Accept", "application/json").GET();
        authorization.header("feed:" + name, feed.asTarget()).ifPresent(value -> request.header("Authorization", value));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 401 && feed.auth() != null
                && feed.auth().type() == IntegrationTarget.AuthType.OAUTH2) {
            authorization.refused("feed:" + name);
        }
        if (response.statusCode() != 200) {
            throw new IOException(feed.url().getHost() + " answered " + response.statusCode());
        }
        JsonNode answer = json.readTree(response.body());
        if (!answer.path("events").isArray()) {
            throw new IOException("the feed's answer has no \"events\" array");
        }
        return answer;
    }

    private void record(String name, JsonNode item) {
        try {
            // on the bus before the cursor moves past it; recorded (or kept unmatched) from there
            bus.publish(reader.read(item));
        } catch (IllegalArgumentException e) {
            log.warn("business event {} from feed {} is not usable, skipped: {}", item.path("id").asText("?"), name,
                    e.getMessage());
        }
    }
}
