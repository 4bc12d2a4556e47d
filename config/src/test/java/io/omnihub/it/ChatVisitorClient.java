package io.omnihub.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A chat widget as the hub sees it: a WebSocket from a page of some origin, speaking the widget's
 * JSON frames (JDK WebSocket client, nothing of the hub's own code).
 */
final class ChatVisitorClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket socket;
    private final BlockingQueue<JsonNode> frames;

    private ChatVisitorClient(WebSocket socket, BlockingQueue<JsonNode> frames) {
        this.socket = socket;
        this.frames = frames;
    }

    /** Connects from a page of {@code origin}; fails (as the handshake does) when the hub refuses. */
    static ChatVisitorClient connect(HubClient hub, String inbox, String origin) {
        URI uri = URI.create(hub.uri("/channels/chat/" + inbox + "/socket").toString().replace("http:", "ws:"));
        BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().header("Origin", origin)
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri, new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            try {
                                frames.add(JSON.readTree(partial.toString()));
                            } catch (JsonProcessingException e) {
                                throw new IllegalStateException("the hub sent a frame that is not JSON: " + partial, e);
                            }
                            partial.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }
                }).join();
        return new ChatVisitorClient(socket, frames);
    }

    void send(Map<String, ?> frame) {
        try {
            socket.sendText(JSON.writeValueAsString(frame), true).join();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    void sendRaw(String text) {
        socket.sendText(text, true).join();
    }

    /** The next frame of this type (others before it are skipped) matching the condition, within 15 s. */
    JsonNode await(String type, Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            JsonNode frame;
            try {
                frame = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (frame != null && type.equals(frame.path("type").asText()) && condition.test(frame)) {
                return frame;
            }
        }
        throw new AssertionError("no '" + type + "' frame as expected within 15 s");
    }

    JsonNode await(String type) {
        return await(type, frame -> true);
    }

    /** Starts a chat with the pre-chat form and returns the ready frame. */
    JsonNode start(String name, String email) {
        await("hello");
        send(email == null ? Map.of("type", "start", "name", name) : Map.of("type", "start", "name", name, "email", email));
        return await("ready");
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
}
