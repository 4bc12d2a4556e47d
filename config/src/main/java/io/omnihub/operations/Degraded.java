package io.omnihub.operations;

import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * The hub runs, but something it takes in or sends out does not flow: a mailbox that cannot be
 * polled, an ERP target that refuses the hub or cannot be reached. Health answers DEGRADED (HTTP
 * 200, between DOWN and UP in {@code management.endpoint.health.status.order}) and names each part
 * that is DOWN; readiness and liveness are not affected, so a load balancer keeps the node.
 */
final class Degraded {

    static final Status DEGRADED = new Status("DEGRADED", "some mailboxes or integration targets are DOWN");

    private Degraded() {
    }

    /** UP when every part is UP (or not yet known), else DEGRADED; each part's state by name in the details. */
    static Health of(Map<String, Map<String, Object>> parts) {
        boolean anyDown = parts.values().stream().anyMatch(p -> "DOWN".equals(p.get("status")));
        return Health.status(anyDown ? DEGRADED : Status.UP).withDetails(Map.copyOf(parts)).build();
    }
}
