package io.omnihub.routes.sla;

import io.omnihub.store.conversation.Conversation;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Sets a new conversation's SLA targets: the first policy covering its inbox and priority gives
 * the first-response and resolution targets in working time on its calendar, counted from when
 * the conversation opened; each is near breach once {@code warn-at} of it has passed.
 */
@Component
public class SlaPolicies {

    private final SlaProperties settings;
    private final Map<String, BusinessCalendar> calendars = new HashMap<>();

    SlaPolicies(SlaProperties settings) {
        this.settings = settings;
        settings.policies().forEach(policy -> calendars.put(policy.name(), settings.calendarOf(policy)));
    }

    /** In the transaction that opens the conversation. */
    public void apply(Conversation conversation, String inboxKey) {
        settings.policies().stream()
                .filter(policy -> policy.covers(inboxKey, conversation.getPriority().name()))
                .findFirst()
                .ifPresent(policy -> {
                    BusinessCalendar calendar = calendars.get(policy.name());
                    Instant opened = conversation.getOpenedAt();
                    conversation.slaTargets(policy.name(),
                            point(calendar, opened, policy.firstResponse(), settings.warnAt()),
                            point(calendar, opened, policy.firstResponse(), 1.0),
                            point(calendar, opened, policy.resolution(), settings.warnAt()),
                            point(calendar, opened, policy.resolution(), 1.0));
                });
    }

    private static Instant point(BusinessCalendar calendar, Instant start, Duration target, double share) {
        return target == null ? null : calendar.plus(start, Duration.ofMillis((long) (target.toMillis() * share)));
    }
}
