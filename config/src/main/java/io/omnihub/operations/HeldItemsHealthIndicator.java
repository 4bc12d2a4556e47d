package io.omnihub.operations;

import io.omnihub.store.held.HeldItems;
import java.util.Map;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * {@code heldItems} in health: how many accepted messages wait for an agent because they could not
 * be put on a timeline, per queue. Held items are work for people, not a fault of the hub: the
 * status stays UP; the count is what to alert on ({@code omnihub_held_items} in metrics).
 */
@Component
class HeldItemsHealthIndicator extends AbstractHealthIndicator {

    private final HeldItems items;

    HeldItemsHealthIndicator(HeldItems items) {
        super("held items cannot be counted");
        this.items = items;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, Long> perQueue = items.heldPerQueue();
        builder.up().withDetail("held", perQueue.values().stream().mapToLong(Long::longValue).sum())
                .withDetail("perQueue", perQueue);
    }
}
