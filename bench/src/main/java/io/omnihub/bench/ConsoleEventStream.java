package io.omnihub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Listens to the hub's live event stream ({@code GET /api/v1/events}) exactly as the agent
 * console does, and reports every {@code InteractionRecorded} to the latency recorder.
 */
final class ConsoleEventStream implements AutoCloseable {

    private final ObjectMapper json = new ObjectMapper();
    private final LatencyRecorder recorder;
    private final CountDownLatch connected = new CountDownLatch(1);
    private CompletableFuture<HttpResponse<Stream<String>>> stream;
    private volatile Stream<String> lines;

    ConsoleEventStream(LatencyRecorder recorder) {
        this.recorder = recorder;
    }

    void open(HttpClient http, URI hub, String authorization) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(hub.resolve("/api/v1/events"))
                .header("Accept", "text/event-stream")
                .header("Authorization", authorization)
                .GET().build();
        stream = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        stream.thenAccept(response -> {
            if (response.statusCode() != 200) {
                System.err.println("the event stream answered " + response.statusCode());
                return;
            }
            lines = response.body();
            connected.countDown();
            lines.forEach(this::line);
        });
        if (!connected.await(15, TimeUnit.SECONDS)) {
            throw new IllegalStateException("could not open " + request.uri() + " (is the user allowed to read it?)");
        }
    }

    private String event = "";

    private void line(String line) {
        if (line.startsWith("event:")) {
            event = line.substring(6).strip();
        } else if (line.startsWith("data:") && "InteractionRecorded".equals(event)) {
            long seen = System.nanoTime();
            try {
                JsonNode envelope = json.readTree(line.substring(5));
                JsonNode externalId = envelope.path("data").path("externalId");
                if (externalId.isTextual()) {
                    recorder.visible(externalId.asText(), seen);
                }
            } catch (Exception e) {
                System.err.println("unreadable event: " + line);
            }
        } else if (line.isEmpty()) {
            event = "";
        }
    }

    @Override
    public void close() {
        if (lines != null) {
            lines.close();
        }
        if (stream != null) {
            stream.cancel(true);
        }
    }
}
