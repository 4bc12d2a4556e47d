package io.omnihub.routes.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Working time: weekly hours in a time zone, minus holidays. SLA clocks run only in working time:
 * {@link #plus} finds when a target measured in working time falls due, {@link #between} how much
 * working time passed. Daylight-saving changes are those of the zone.
 */
public final class BusinessCalendar {

    /** One stretch of working hours in a day, e.g. 09:00–17:00. */
    public record Hours(LocalTime from, LocalTime to) {

        public Hours {
            if (!to.isAfter(from)) {
                throw new IllegalArgumentException("working hours " + from + "-" + to + " end before they start");
            }
        }

        /** Parses {@code 09:00-17:00}. */
        public static Hours parse(String text) {
            String[] parts = text.strip().split("-");
            if (parts.length != 2) {
                throw new IllegalArgumentException("working hours are written 09:00-17:00, not '" + text + "'");
            }
            return new Hours(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()));
        }
    }

    private static final int MAX_DAYS = 3660;

    private final ZoneId zone;
    private final Map<DayOfWeek, List<Hours>> week;
    private final Set<LocalDate> holidays;

    public BusinessCalendar(ZoneId zone, Map<DayOfWeek, List<Hours>> week, Set<LocalDate> holidays) {
        this.zone = zone;
        this.week = new EnumMap<>(DayOfWeek.class);
        week.forEach((day, hours) -> this.week.put(day, hours.stream()
                .sorted((a, b) -> a.from().compareTo(b.from())).toList()));
        this.holidays = Set.copyOf(holidays);
        if (this.week.values().stream().allMatch(List::isEmpty)) {
            throw new IllegalArgumentException("a calendar needs working hours on at least one day");
        }
    }

    /** Around the clock, every day: SLA targets in plain elapsed time. */
    public static BusinessCalendar always(ZoneId zone) {
        Map<DayOfWeek, List<Hours>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, List.of(new Hours(LocalTime.MIN, LocalTime.MAX)));
        }
        return new BusinessCalendar(zone, week, Set.of());
    }

    /** The moment {@code workingTime} of working time after {@code start}. */
    public Instant plus(Instant start, Duration workingTime) {
        Duration left = workingTime;
        ZonedDateTime cursor = start.atZone(zone);
        for (int i = 0; i < MAX_DAYS; i++) {
            LocalDate day = cursor.toLocalDate();
            for (Hours hours : hoursOn(day)) {
                ZonedDateTime open = day.atTime(hours.from()).atZone(zone);
                ZonedDateTime close = end(day, hours);
                ZonedDateTime from = cursor.isAfter(open) ? cursor : open;
                if (!from.isBefore(close)) {
                    continue;
                }
                Duration available = Duration.between(from, close);
                if (available.compareTo(left) >= 0) {
                    return from.plus(left).toInstant();
                }
                left = left.minus(available);
            }
            cursor = day.plusDays(1).atStartOfDay(zone);
        }
        throw new IllegalArgumentException("no working time within ten years of " + start);
    }

    /** The working time between two moments (zero if {@code to} is not after {@code from}). */
    public Duration between(Instant from, Instant to) {
        Duration total = Duration.ZERO;
        if (!to.isAfter(from)) {
            return total;
        }
        ZonedDateTime start = from.atZone(zone);
        ZonedDateTime stop = to.atZone(zone);
        for (LocalDate day = start.toLocalDate(); !day.isAfter(stop.toLocalDate()); day = day.plusDays(1)) {
            for (Hours hours : hoursOn(day)) {
                ZonedDateTime open = day.atTime(hours.from()).atZone(zone);
                ZonedDateTime close = end(day, hours);
                ZonedDateTime a = open.isAfter(start) ? open : start;
                ZonedDateTime b = close.isBefore(stop) ? close : stop;
                if (b.isAfter(a)) {
                    total = total.plus(Duration.between(a, b));
                }
            }
        }
        return total;
    }

    private List<Hours> hoursOn(LocalDate day) {
        return holidays.contains(day) ? List.of() : week.getOrDefault(day.getDayOfWeek(), List.of());
    }

    /** 23:59:59.999… counts as the end of the day. */
    private ZonedDateTime end(LocalDate day, Hours hours) {
        return hours.to().equals(LocalTime.MAX) ? day.plusDays(1).atStartOfDay(zone) : day.atTime(hours.to()).atZone(zone);
    }
}
