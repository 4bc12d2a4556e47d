package io.omnihub.routes.outbound;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Spaces the sends from each sender (one of our numbers, an integration target) to at most a given rate: every send takes the next
 * free slot of its number and waits for it. Slots are handed out under one lock, so concurrent
 * senders never share a slot; the waiting happens outside the lock.
 */
public final class SendPacing {

    /** Waits; {@link Thread#sleep} in production. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final Map<String, Long> nextFreeSlot = new HashMap<>();

    public SendPacing() {
        this(System::nanoTime, d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000));
    }

    SendPacing(LongSupplier nanoTime, Sleeper sleeper) {
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    /** Returns once {@code sender} may send again at {@code perSecond}; how long it waited. */
    public Duration await(String sender, double perSecond) throws InterruptedException {
        long interval = (long) (1_000_000_000L / perSecond);
        long now = nanoTime.getAsLong();
        long slot;
        synchronized (nextFreeSlot) {
            slot = Math.max(now, nextFreeSlot.getOrDefault(sender, now));
            nextFreeSlot.put(sender, slot + interval);
        }
        Duration wait = Duration.ofNanos(slot - now);
        if (!wait.isZero()) {
            sleeper.sleep(wait);
        }
        return wait;
    }
}
