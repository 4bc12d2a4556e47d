package io.omnihub.it;

import static io.omnihub.it.HubClient.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * Events reach {@code hub.events} after commit, once each, in per-customer order; nothing stays
 * unpublished; a live client that reconnects with its last sequence gets what it missed and
 * nothing twice.
 */
@WithRunningHub
class OutboxEventsPublishedOnceInOrderIT {

    @Autowired
    HubClient hub;
    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    @Test
    void everyCommittedEventIsPublishedOnceInOrder() throws Exception {
        String email = "events-" + UUID.randomUUID() + "@example.com";
        List<JsonNode> received = new CopyOnWriteArrayList<>();
        ConnectionFactory nativeFactory = connectionFactory instanceof CachingConnectionFactory caching
                ? caching.getTargetConnectionFactory() : connectionFactory;
        try (Connection connection = nativeFactory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createTopic("hub.events"));
            consumer.setMessageListener(m -> {
                try {
                    received.add(json.readTree(((TextMessage) m).getText()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            connection.start();

            for (int i = 0; i < 3; i++) {
                hub.postForm("contact", fields("email", email, "message", "event " + i));
            }
            long customerId = await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.query(
                    "select customer_id from contact_point where value = ?", rs -> rs.next() ? rs.getLong(1) : null,
                    email), java.util.Objects::nonNull);
            await().atMost(Duration.ofSeconds(10)).until(() -> of(received, customerId).size() == 7);

            // a later event: once it has arrived, a duplicate of the earlier ones would have too
            String later = "events-later-" + UUID.randomUUID() + "@example.com";
            hub.postForm("contact", fields("email", later, "message", "later"));
            await().atMost(Duration.ofSeconds(10)).until(() -> received.stream()
                    .anyMatch(e -> e.get("type").asText().equals("InteractionRecorded")
                            && e.get("customerId").asLong() != customerId
                            && e.get("sequence").asLong() > of(received, customerId).get(6).get("sequence").asLong()));

            List<JsonNode> events = of(received, customerId);
            assertThat(events).extracting(e -> e.get("type").asText()).containsExactly(
                    "CustomerCreated", "ConversationOpened", "InteractionRecorded",
                    "ConversationOpened", "InteractionRecorded", "ConversationOpened", "InteractionRecorded");
            assertThat(events).extracting(e -> e.get("eventId").asText()).doesNotHaveDuplicates();
            assertThat(events).extracting(e -> e.get("sequence").asLong()).isSorted();
            assertThat(events).allMatch(e -> e.get("schema").asText().equals("omnihub.event.v1"));
            consumer.close();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.queryForObject(
                "select count(*) from outbox where published_at is null", Long.class) == 0L);
    }

    private static List<JsonNode> of(List<JsonNode> events, long customerId) {
        return events.stream().filter(e -> e.get("customerId").asLong() == customerId).toList();
    }

    @Test
    void liveClientThatReconnectsWithItsLastSequenceMissesNothingAndGetsNothingTwice() throws Exception {
        String first = "live-a-" + UUID.randomUUID() + "@example.com";
        hub.postForm("contact", fields("email", first, "message", "before the client left"));
        Long lastSeen = await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select max(publish_seq) from outbox o join contact_point c on c.customer_id = o.customer_id "
                        + "where c.value = ? and o.event_type = 'InteractionRecorded'", Long.class, first),
                java.util.Objects::nonNull);

        String second = "live-b-" + UUID.randomUUID() + "@example.com";
        hub.postForm("contact", fields("email", second, "message", "while the client was away"));
        Long missed = await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select max(publish_seq) from outbox o join contact_point c on c.customer_id = o.customer_id "
                        + "where c.value = ? and o.event_type = 'InteractionRecorded'", Long.class, second),
                java.util.Objects::nonNull);

        List<String> ids = readStream("/api/v1/events", lastSeen, missed);
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(ids).contains(Long.toString(missed));
        assertThat(ids).allMatch(id -> Long.parseLong(id) > lastSeen);
    }

    /** Reads SSE ids from the stream, resuming after {@code after}, until {@code until} arrives. */
    private List<String> readStream(String path, long after, long until) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(hub.uri(path))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString((HubClient.ADMIN + ":" + HubClient.ADMIN_PASSWORD).getBytes()))
                .header("Last-Event-ID", Long.toString(after))
                .header("Accept", "text/event-stream").GET().build();
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("id:")) {
                    ids.add(line.substring(3).strip());
                    if (Long.parseLong(line.substring(3).strip()) >= until) {
                        break;
                    }
                }
            }
        }
        return ids;
    }
}
