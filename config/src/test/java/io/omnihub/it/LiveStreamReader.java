package io.omnihub.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A live stream ({@code text/event-stream}) read on its own thread as a browser's EventSource
 * reads it: every event's name and JSON data, in arrival order.
 */
final class LiveStreamReader implements AutoCloseable {

    record Received(String name, JsonNode data, String raw) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final InputStream body;
    private final Thread reader;

    LiveStreamReader(HttpResponse<InputStream> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        this.body = response.body();
        this.reader = new Thread(this::read, "live-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    boolean has(String name, java.util.function.Predicate<JsonNode> data) {
        return received.stream().anyMatch(r -> r.name().equals(name) && data.test(r.data()));
    }

    /** Every event's raw text, one per line (to look for what must never appear in it). */
    String everything() {
        StringBuilder all = new StringBuilder();
        received.forEach(r -> all.append(r.name()).append(' ').append(r.raw()).append('\n'));
        return all.toString();
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String name = "message";
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        String raw = data.toString();
                        received.add(new Received(name, JSON.readTree(raw), raw));
                    }
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
        } catch (java.io.IOException e) {
            // the stream was closed
        }
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (java.io.IOException e) {
            // already closed
        }
        reader.interrupt();
    }
}
