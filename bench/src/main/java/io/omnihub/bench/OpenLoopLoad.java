package io.omnihub.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends submissions at a fixed rate whatever the hub's answers take: each one is scheduled at
 * {@code start + i / rate} and its latency counts from that moment, so a slow hub cannot slow the
 * arrivals down and hide its own queueing (no coordinated omission).
 */
final class OpenLoopLoad {

    /** What happened to the requests of one phase. */
    record Outcome(long sent, long accepted, Map<Integer, Long> refusedByStatus, long failed,
            Map<Traffic.Shape, Long> shapes, double achievedRate) {
    }

    private final HttpClient http;
    private final Traffic traffic;
    private final LatencyRecorder recorder;
    private final ObjectMapper json = new ObjectMapper();

    OpenLoopLoad(HttpClient http, Traffic traffic, LatencyRecorder recorder) {
        this.http = http;
        this.traffic = traffic;
        this.recorder = recorder;
    }

    Outcome run(double rate, Duration duration) {
        long intervalNanos = (long) (1e9 / rate);
        long total = (long) (rate * duration.toNanos() / 1e9);
        AtomicLong accepted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Map<Integer, Long> refused = new ConcurrentHashMap<>();
        Map<Traffic.Shape, Long> shapes = new EnumMap<>(Traffic.Shape.class);
        java.util.concurrent.Phaser inFlight = new java.util.concurrent.Phaser(1);
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long scheduled = start + i * intervalNanos;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            Traffic.Submission submission = traffic.next();
            shapes.merge(submission.shape(), 1L, Long::sum);
            inFlight.register();
            http.sendAsync(submission.request(), HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                try {
                    if (error != null) {
                        failed.incrementAndGet();
                    } else if (response.statusCode() / 100 == 2) {
                        accepted.incrementAndGet();
                        recorder.accepted(submission.externalId() != null ? submission.externalId()
                                : trackingId(response.body()), scheduled, System.nanoTime());
                    } else {
                        refused.merge(response.statusCode(), 1L, Long::sum);
                    }
                } finally {
                    inFlight.arriveAndDeregister();
                }
            });
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        inFlight.arriveAndAwaitAdvance();
        return new Outcome(total, accepted.get(), Map.copyOf(refused), failed.get(), shapes, total / seconds);
    }

    private String trackingId(String body) {
        try {
            return json.readTree(body).path("trackingId").asText();
        } catch (Exception e) {
            throw new IllegalStateException("a 202 without a tracking id: " + body, e);
        }
    }
}
