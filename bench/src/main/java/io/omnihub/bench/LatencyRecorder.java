package io.omnihub.bench;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Pairs each accepted submission (its tracking id and the moment it was scheduled to be sent)
 * with the console event that shows it recorded, in whichever order the two arrive, and records
 * the time between: request scheduled → interaction visible to the console.
 */
final class LatencyRecorder {

    private static final long MAX_LATENCY_NANOS = 120_000_000_000L;

    private final ConcurrentHashMap<String, Long> waiting = new ConcurrentHashMap<>();
    private final Recorder endToEnd = new Recorder(MAX_LATENCY_NANOS, 3);
    private final Recorder accepted = new Recorder(MAX_LATENCY_NANOS, 3);
    private final AtomicLong completed = new AtomicLong();
    private final long origin = System.nanoTime();
    private volatile boolean measuring;

    void measure(boolean on) {
        measuring = on;
    }

    /** The hub answered 202 for a submission scheduled at {@code scheduledNanos}. */
    void accepted(String trackingId, long scheduledNanos, long answeredNanos) {
        if (measuring) {
            accepted.recordValue(Math.min(MAX_LATENCY_NANOS, answeredNanos - scheduledNanos));
        }
        pair(trackingId, -(scheduledNanos - origin) - 1);
    }

    /** The console's event stream announced the interaction for {@code trackingId}. */
    void visible(String trackingId, long seenNanos) {
        pair(trackingId, seenNanos - origin);
    }

    // times are kept relative to origin, so never negative: a negative value is a scheduled time
    // waiting for its event, a positive one an event waiting for its answer (an event can
    // overtake the HTTP answer)
    private void pair(String trackingId, long value) {
        Long other = waiting.remove(trackingId);
        if (other == null) {
            Long raced = waiting.putIfAbsent(trackingId, value);
            if (raced == null) {
                return;
            }
            waiting.remove(trackingId);
            other = raced;
        }
        long scheduled = value < 0 ? -value - 1 : -other - 1;
        long seen = value < 0 ? other : value;
        completed.incrementAndGet();
        if (measuring) {
            endToEnd.recordValue(Math.max(0, Math.min(MAX_LATENCY_NANOS, seen - scheduled)));
        }
    }

    long completed() {
        return completed.get();
    }

    /** Accepted submissions whose event has not been seen yet. */
    long outstanding() {
        return waiting.values().stream().filter(v -> v < 0).count();
    }

    Histogram endToEnd() {
        return endToEnd.getIntervalHistogram();
    }

    Histogram acceptance() {
        return accepted.getIntervalHistogram();
    }
}
