package io.omnihub.operations;

import io.omnihub.routes.email.MailboxStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.NamedContributor;
import org.springframework.stereotype.Component;

/**
 * {@code mailboxes} in health: one component per configured mailbox, by inbox key — DOWN with the
 * reason while its polls fail (server unreachable, login refused, out of memory), UP once a poll
 * works, UNKNOWN before the first. A mailbox that is DOWN makes the overall health DOWN (mail is
 * not coming in) but not readiness or liveness: the node still serves everything else.
 */
@Component("mailboxes")
class MailboxesHealth implements CompositeHealthContributor {

    private final MailboxStatus status;

    MailboxesHealth(MailboxStatus status) {
        this.status = status;
    }

    @Override
    public HealthContributor getContributor(String name) {
        return status.all().containsKey(name) ? indicator(name) : null;
    }

    @Override
    public java.util.Iterator<NamedContributor<HealthContributor>> iterator() {
        return status.all().keySet().stream()
                .map(name -> NamedContributor.<HealthContributor>of(name, indicator(name))).iterator();
    }

    private HealthIndicator indicator(String inbox) {
        return () -> {
            MailboxStatus.Mailbox mailbox = status.all().get(inbox);
            if (mailbox == null) {
                return Health.unknown().build();
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("imported", mailbox.imported());
            if (mailbox.lastSuccess() != null) {
                details.put("lastSuccess", mailbox.lastSuccess().toString());
            }
            if (mailbox.importedBy() != null) {
                details.put("importedBy", mailbox.importedBy());
            }
            if (mailbox.state() == MailboxStatus.State.DOWN) {
                details.put("error", mailbox.lastError());
                details.put("failedPolls", mailbox.failuresInARow());
                details.put("lastFailure", mailbox.lastFailure().toString());
                return Health.down().withDetails(details).build();
            }
            return (mailbox.state() == MailboxStatus.State.UP ? Health.up() : Health.unknown()).withDetails(details)
                    .build();
        };
    }
}
