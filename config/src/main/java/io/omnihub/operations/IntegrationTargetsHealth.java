package io.omnihub.operations;

import io.omnihub.routes.integrations.IntegrationTargetStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code integrations} in health: each ERP/SCM target by name — DOWN with the reason while it
 * refuses the hub's credentials or its deliveries wait for a retry, UP once one is delivered,
 * UNKNOWN before the first; the component is DEGRADED while any target is DOWN ({@link Degraded}).
 */
@Component("integrations")
class IntegrationTargetsHealth implements HealthIndicator {

    private final IntegrationTargetStatus status;

    IntegrationTargetsHealth(IntegrationTargetStatus status) {
        this.status = status;
    }

    @Override
    public Health health() {
        Map<String, Map<String, Object>> parts = new LinkedHashMap<>();
        status.all().forEach((name, target) -> {
            Map<String, Object> part = new LinkedHashMap<>();
            part.put("status", target.state().name());
            if (target.at() != null) {
                part.put("at", target.at().toString());
            }
            if (target.lastStatus() != null) {
                part.put("lastStatus", target.lastStatus());
            }
            if (target.lastError() != null && target.state() == IntegrationTargetStatus.State.DOWN) {
                part.put("lastError", target.lastError());
            }
            parts.put(name, part);
        });
        return Degraded.of(parts);
    }
}
