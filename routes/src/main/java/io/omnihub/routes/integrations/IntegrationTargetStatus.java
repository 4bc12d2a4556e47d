package io.omnihub.routes.integrations;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * How deliveries to each ERP/SCM target go, as health reports it: DOWN while the target refuses
 * the hub's credentials (401/403: nothing gets through until someone fixes them) or while its
 * deliveries fail and wait for a retry (it is unreachable or erroring); UP once one is delivered
 * (a single record the target refuses for good, say a 422, is parked and leaves it UP).
 */
@Component
public class IntegrationTargetStatus {

    public enum State { UNKNOWN, UP, DOWN }

    /** One target's latest news. */
    public record Target(State state, Instant at, String lastError, Integer lastStatus) {
    }

    private final Map<String, Target> targets = new ConcurrentHashMap<>();
    private final Clock clock;

    IntegrationTargetStatus(Clock clock) {
        this.clock = clock;
    }

    void configured(String target) {
        targets.putIfAbsent(target, new Target(State.UNKNOWN, null, null, null));
    }

    void settled(String target, DeliveryResult result) {
        Integer status = result.status();
        boolean refusedAccess = status != null && (status == 401 || status == 403);
        State state = switch (result.outcome()) {
            case DELIVERED -> State.UP;
            case RETRY -> State.DOWN;
            case PARK -> refusedAccess ? State.DOWN : State.UP;
        };
        targets.put(target, new Target(state, clock.instant(), result.error(), status));
    }

    public Map<String, Target> all() {
        return new TreeMap<>(targets);
    }
}
