package io.omnihub.connectors.chat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sliding-window counters: at most {@code limit} events per key within a window. Used for messages
 * per visitor and per IP address and for new chats per IP address. Counts are kept per hub node.
 */
final class AbuseLimits {

    /** The longest window in use: keys silent for longer are forgotten now and then. */
    private static final Duration LONGEST = Duration.ofHours(1);
    private static final int PRUNE_EVERY = 1_024;

    private final Map<String, Deque<Long>> events = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong calls = new java.util.concurrent.atomic.AtomicLong();
    private final Clock clock;

    AbuseLimits(Clock clock) {
        this.clock = clock;
    }

    /** Counts the event and answers whether it is within the limit; an event over the limit is not counted. */
    boolean allow(String key, int limit, Duration window) {
        if (calls.incrementAndGet() % PRUNE_EVERY == 0) {
            forgetOlderThan(LONGEST);
        }
        long now = clock.millis();
        long since = now - window.toMillis();
        Deque<Long> times = events.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() <= since) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }

    /** Forgets keys with no recent events, so the map does not grow without end. */
    void forgetOlderThan(Duration window) {
        long since = clock.millis() - window.toMillis();
        events.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                Long last = entry.getValue().peekLast();
                return last == null || last <= since;
            }
        });
    }

    int keys() {
        return events.size();
    }
}
