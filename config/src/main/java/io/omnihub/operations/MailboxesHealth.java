package io.omnihub.operations;

import io.omnihub.routes.email.MailboxStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code mailboxes} in health: each configured mailbox by inbox key — DOWN with the reason while its
 * polls fail (server unreachable, login refused, out of memory), UP once a poll works, UNKNOWN
 * before the first; the component is DEGRADED while any mailbox is DOWN ({@link Degraded}).
 */
@Component("mailboxes")
class MailboxesHealth implements HealthIndicator {

    private final MailboxStatus status;

    MailboxesHealth(MailboxStatus status) {
        this.status = status;
    }

    @Override
    public Health health() {
        Map<String, Map<String, Object>> parts = new LinkedHashMap<>();
        status.all().forEach((inbox, mailbox) -> {
            Map<String, Object> part = new LinkedHashMap<>();
            part.put("status", mailbox.state().name());
            part.put("imported", mailbox.imported());
            if (mailbox.lastSuccess() != null) {
                part.put("lastSuccess", mailbox.lastSuccess().toString());
            }
            if (mailbox.importedBy() != null) {
                part.put("importedBy", mailbox.importedBy());
            }
            if (mailbox.state() == MailboxStatus.State.DOWN) {
                part.put("error", mailbox.lastError());
                part.put("failedPolls", mailbox.failuresInARow());
                part.put("lastFailure", mailbox.lastFailure().toString());
            }
            parts.put(inbox, part);
        });
        return Degraded.of(parts);
    }
}
