package io.omnihub.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.omnihub.routes.bus.BusProperties;
import io.omnihub.store.channel.Channels;
import io.omnihub.store.held.HeldItems;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * {@code omnihub_held_items{queue=...}}: accepted messages waiting in held items for an agent,
 * per queue they were parked from. Counted at most every 10 s, whatever the scrape rate.
 */
@Component
class HeldItemsMetrics implements MeterBinder {

    private static final Duration FRESH = Duration.ofSeconds(10);

    private final HeldItems items;
    private final BusProperties bus;
    private final Channels channels;
    private final AtomicReference<Counted> last = new AtomicReference<>(new Counted(Map.of(), 0));

    private record Counted(Map<String, Long> perQueue, long at) {
    }

    HeldItemsMetrics(HeldItems items, BusProperties bus, Channels channels) {
        this.channels = channels;
        this.items = items;
        this.bus = bus;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String queue : bus.parkingQueues(channels)) {
            Gauge.builder("omnihub.held.items", () -> counts().getOrDefault(queue, 0L))
                    .description("accepted messages held for an agent because they could not be recorded")
                    .tag("queue", queue).register(registry);
        }
    }

    private Map<String, Long> counts() {
        Counted counted = last.get();
        long now = System.nanoTime();
        if (now - counted.at() > FRESH.toNanos() || counted.at() == 0) {
            try {
                counted = new Counted(items.heldPerQueue(), now);
                last.set(counted);
            } catch (RuntimeException databaseDown) {
                return counted.perQueue();
            }
        }
        return counted.perQueue();
    }
}
