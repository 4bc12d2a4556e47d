package io.omnihub.routes.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * SLA due times on a Berlin office calendar (Mon–Thu 09:00–17:00, Fri 09:00–13:00 and 14:00–16:00)
 * around Christmas 2026: 24 Dec is a Thursday, 25 and 26 Dec are holidays, 26–27 Dec a weekend.
 */
class BusinessCalendarTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    final BusinessCalendar office = office(Set.of(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26)));

    static BusinessCalendar office(Set<LocalDate> holidays) {
        Map<DayOfWeek, List<BusinessCalendar.Hours>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY)) {
            week.put(day, List.of(BusinessCalendar.Hours.parse("09:00-17:00")));
        }
        week.put(DayOfWeek.FRIDAY, List.of(BusinessCalendar.Hours.parse("14:00-16:00"),
                BusinessCalendar.Hours.parse("09:00-13:00")));
        return new BusinessCalendar(BERLIN, week, holidays);
    }

    static Instant berlin(int month, int day, int hour, int minute) {
        return ZonedDateTime.of(2026, month, day, hour, minute, 0, 0, BERLIN).toInstant();
    }

    @Test
    void withinOneWorkingDay() {
        assertThat(office.plus(berlin(12, 21, 10, 0), Duration.ofHours(2))).isEqualTo(berlin(12, 21, 12, 0));
    }

    @Test
    void aMessageAfterHoursWaitsForTheNextMorning() {
        assertThat(office.plus(berlin(12, 21, 18, 30), Duration.ofHours(1))).isEqualTo(berlin(12, 22, 10, 0));
        assertThat(office.plus(berlin(12, 22, 6, 0), Duration.ofMinutes(30))).isEqualTo(berlin(12, 22, 9, 30));
    }

    @Test
    void fridaysLunchBreakAndTheWeekendAreNotCounted() {
        // Fri 4 Dec 12:00 + 4 h: 1 h until 13:00, 2 h 14:00–16:00, then Monday 09:00 + 1 h
        assertThat(office.plus(berlin(12, 4, 12, 0), Duration.ofHours(4))).isEqualTo(berlin(12, 7, 10, 0));
    }

    @Test
    void christmasHolidaysAndTheWeekendAreSkipped() {
        // Thu 24 Dec 15:00 + 4 h: 2 h that day; Fri 25 and Sat 26 are holidays, Sun 27 a weekend day
        assertThat(office.plus(berlin(12, 24, 15, 0), Duration.ofHours(4))).isEqualTo(berlin(12, 28, 11, 0));
        // without the holidays Friday the 25th would count (4 h)
        assertThat(office(Set.of()).plus(berlin(12, 24, 15, 0), Duration.ofHours(4))).isEqualTo(berlin(12, 25, 11, 0));
    }

    @Test
    void workingTimeBetweenTwoMoments() {
        assertThat(office.between(berlin(12, 24, 15, 0), berlin(12, 28, 11, 0))).isEqualTo(Duration.ofHours(4));
        assertThat(office.between(berlin(12, 4, 8, 0), berlin(12, 4, 20, 0))).isEqualTo(Duration.ofHours(6));
        assertThat(office.between(berlin(12, 5, 8, 0), berlin(12, 4, 20, 0))).isZero();
    }

    @Test
    void daylightSavingTimeDaysKeepTheirWallClockHours() {
        // Sun 29 Mar 2026 Berlin springs forward; Monday 30 Mar opens at 09:00 local time as usual
        assertThat(office.plus(berlin(3, 27, 15, 0), Duration.ofHours(2))).isEqualTo(berlin(3, 30, 10, 0));
    }

    @Test
    void aroundTheClockIsPlainElapsedTime() {
        BusinessCalendar always = BusinessCalendar.always(BERLIN);
        assertThat(always.plus(berlin(12, 24, 23, 30), Duration.ofHours(50))).isEqualTo(berlin(12, 27, 1, 30));
        assertThat(always.between(berlin(12, 24, 23, 30), berlin(12, 27, 1, 30))).isEqualTo(Duration.ofHours(50));
    }

    @Test
    void badCalendarsAreRefused() {
        assertThatThrownBy(() -> BusinessCalendar.Hours.parse("17:00-09:00")).hasMessageContaining("end before");
        assertThatThrownBy(() -> BusinessCalendar.Hours.parse("9 to 5")).hasMessageContaining("09:00-17:00");
        assertThatThrownBy(() -> new BusinessCalendar(BERLIN, Map.of(), Set.of())).hasMessageContaining("at least");
    }
}
