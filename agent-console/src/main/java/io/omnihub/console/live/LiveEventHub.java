package io.omnihub.console.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnihub.store.outbox.OutboxEntry;
import io.omnihub.store.outbox.OutboxRepository;
import jakarta.annotation.PreDestroy;
import jakarta.jms.JMSException;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.annotation.JmsListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Feeds this node's live clients from {@code hub.events}: every node subscribes, so a client sees
 * every change whichever node made it. Clients that close, time out or stop answering are
 * removed; a heartbeat finds the silent ones.
 */
@Component
public class LiveEventHub {

    private static final Logger log = LoggerFactory.getLogger(LiveEventHub.class);
    private static final int CATCH_UP_PAGE = 500;
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final Set<LiveClient> clients = ConcurrentHashMap.newKeySet();
    private final OutboxRepository outbox;
    private final ObjectMapper json;
    private final LiveAudience audience;
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "live-events-heartbeat");
        t.setDaemon(true);
        return t;
    });

    LiveEventHub(OutboxRepository outbox, ObjectMapper json, LiveAudience audience) {
        this.outbox = outbox;
        this.json = json;
        this.audience = audience;
        heartbeat.scheduleAtFixedRate(this::beat, HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
    }

    @JmsListener(destination = "${omnihub.bus.events:hub.events}", containerFactory = LiveEventsConfiguration.FACTORY)
    void onEvent(TextMessage message) throws JMSException {
        LiveEvent event;
        try {
            JsonNode envelope = json.readTree(message.getText());
            event = new LiveEvent(envelope.path("sequence").asLong(), envelope.path("eventId").asText(),
                    envelope.path("type").asText(), message.getText(), envelope);
        } catch (IOException e) {
            log.warn("ignoring unreadable event {} on hub.events", message.getJMSMessageID());
            return;
        }
        clients.forEach(client -> client.offer(event));
        clients.removeIf(LiveClient::isClosed);
    }

    /** Typing and presence on a conversation, from any node: passed on to this node's live clients. */
    @JmsListener(destination = "${omnihub.bus.live:hub.live}", containerFactory = LiveEventsConfiguration.FACTORY)
    void onSignal(TextMessage message) throws JMSException {
        String text = message.getText();
        JsonNode signal;
        try {
            signal = json.readTree(text);
        } catch (IOException e) {
            return;
        }
        String type = signal.path("type").asText();
        if (AgentActivity.TYPE.equals(type) || "VisitorTyping".equals(type)) {
            clients.forEach(client -> client.signal(type, text, signal));
            clients.removeIf(LiveClient::isClosed);
        }
    }

    /**
     * Connects a client; with {@code afterSequence} it first receives every event published
     * after that sequence (what it missed while away), then the live stream.
     */
    SseEmitter connect(Long afterSequence, Duration timeout, java.security.Principal viewer) {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        LiveClient client = new LiveClient(emitter, audience.forViewer(viewer));
        emitter.onCompletion(() -> clients.remove(client));
        emitter.onTimeout(() -> {
            client.close();
            clients.remove(client);
        });
        emitter.onError(e -> {
            client.close();
            clients.remove(client);
        });
        clients.add(client);
        if (afterSequence != null) {
            catchUp(client, afterSequence);
        }
        client.goLive();
        return emitter;
    }

    int connectedClients() {
        return clients.size();
    }

    private void catchUp(LiveClient client, long afterSequence) {
        long position = afterSequence;
        List<OutboxEntry> page;
        do {
            page = outbox.publishedAfter(position, CATCH_UP_PAGE);
            for (OutboxEntry entry : page) {
                String envelope = envelope(entry);
                client.replay(new LiveEvent(entry.getPublishSeq(), entry.getEventId().toString(), entry.getEventType(),
                        envelope, readTree(envelope)));
                position = entry.getPublishSeq();
            }
        } while (page.size() == CATCH_UP_PAGE && !client.isClosed());
    }

    private JsonNode readTree(String envelope) {
        try {
            return json.readTree(envelope);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String envelope(OutboxEntry entry) {
        try {
            return json.writeValueAsString(new io.omnihub.store.events.EventEnvelope(
                    io.omnihub.store.events.EventEnvelope.SCHEMA, entry.getEventId(), entry.getPublishSeq(),
                    entry.getEventType(), entry.getCreatedAt(), entry.getCustomerId(), json.readTree(entry.getPayload())));
        } catch (IOException e) {
            throw new IllegalStateException("outbox entry " + entry.getId() + " holds invalid JSON", e);
        }
    }

    private void beat() {
        clients.forEach(LiveClient::heartbeat);
        clients.removeIf(LiveClient::isClosed);
    }

    @PreDestroy
    void shutdown() {
        heartbeat.shutdownNow();
        clients.forEach(LiveClient::close);
        clients.clear();
    }
}
