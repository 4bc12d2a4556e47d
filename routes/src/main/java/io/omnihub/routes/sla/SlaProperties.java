package io.omnihub.routes.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * SLA policies and the business calendars they run on, {@code omnihub.sla}.
 *
 * @param calendars    working time by name: {@code zone}, {@code hours} per day of the week
 *                     ({@code MONDAY: ["09:00-17:00"]}), {@code holidays} (dates)
 * @param policies     the first that matches a conversation's inbox and priority applies
 * @param warnAt       a target is near breach once this share of it has passed (default 0.8)
 * @param scanInterval how often conversations are checked for (near) breaches (default 30 s)
 */
@ConfigurationProperties("omnihub.sla")
public record SlaProperties(@DefaultValue Map<String, Calendar> calendars, @DefaultValue List<Policy> policies,
        @DefaultValue("0.8") double warnAt, @DefaultValue("30s") Duration scanInterval) {

    /** A business calendar as configured. */
    public record Calendar(@DefaultValue("UTC") ZoneId zone, @DefaultValue Map<String, List<String>> hours,
            @DefaultValue Set<LocalDate> holidays) {

        BusinessCalendar build() {
            Map<DayOfWeek, List<BusinessCalendar.Hours>> week = new EnumMap<>(DayOfWeek.class);
            hours.forEach((day, ranges) -> week.put(DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT)),
                    ranges.stream().map(BusinessCalendar.Hours::parse).toList()));
            return new BusinessCalendar(zone, week, holidays);
        }
    }

    /**
     * @param name          shown on the conversation
     * @param inboxes       inbox keys it covers; empty: every inbox
     * @param priorities    LOW, NORMAL, HIGH, URGENT; empty: every priority
     * @param calendar      a calendar name; empty: around the clock (UTC)
     * @param firstResponse working time until the first answer is due, optional
     * @param resolution    working time until the conversation should be resolved, optional
     */
    public record Policy(String name, @DefaultValue List<String> inboxes, @DefaultValue List<String> priorities,
            String calendar, Duration firstResponse, Duration resolution) {

        boolean covers(String inbox, String priority) {
            return (inboxes.isEmpty() || inboxes.contains(inbox)) && (priorities.isEmpty() || priorities.contains(priority));
        }
    }

    public SlaProperties {
        calendars.forEach((name, calendar) -> {
            try {
                calendar.build();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("omnihub.sla.calendars." + name + ": " + e.getMessage(), e);
            }
        });
        for (int i = 0; i < policies.size(); i++) {
            Policy policy = policies.get(i);
            String where = "omnihub.sla.policies[" + i + "]";
            if (policy.name() == null || policy.name().isBlank()) {
                throw new IllegalArgumentException(where + ".name is required");
            }
            if (policy.calendar() != null && !calendars.containsKey(policy.calendar())) {
                throw new IllegalArgumentException(where + ".calendar '" + policy.calendar() + "' is not under "
                        + "omnihub.sla.calendars");
            }
            if (policy.firstResponse() == null && policy.resolution() == null) {
                throw new IllegalArgumentException(where + ": give first-response and/or resolution");
            }
        }
        if (!(warnAt > 0 && warnAt < 1)) {
            throw new IllegalArgumentException("omnihub.sla.warn-at is a share between 0 and 1, e.g. 0.8");
        }
    }

    /** The calendar a policy runs on. */
    BusinessCalendar calendarOf(Policy policy) {
        return policy.calendar() == null ? BusinessCalendar.always(ZoneId.of("UTC"))
                : calendars.get(policy.calendar()).build();
    }
}
