package io.omnihub.store.audit;

import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes the audit trail in the same transaction as the change it records. */
@Component
public class AuditTrail {

    private final AuditRepository audit;
    private final Clock clock;

    AuditTrail(AuditRepository audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actor, String action, String entityType, Object entityId, Map<String, Object> details) {
        audit.save(new AuditEntry(clock.instant(), actor, action, entityType, String.valueOf(entityId), details));
    }
}
