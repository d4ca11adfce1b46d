package org.zhibao.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhibao.calendar.CalendarOverride.Kind;
import org.zhibao.calendar.DeadlineStep.Type;

class OverridingCalendarTests {

    final Map<LocalDate, CalendarOverride> overrides = new HashMap<>();
    final OverridingCalendar calendar = new OverridingCalendar(WorkingDayCalendar.libraryOnly(), () -> overrides);
    final Deadlines deadlines = new Deadlines(calendar);

    void override(LocalDate day, Kind kind, String name) {
        overrides.put(day, new CalendarOverride(day, kind, name, "国办发明电〔2025〕99号", "admin", Instant.now()));
    }

    @Test
    void anOverrideMakingAnOrdinaryDayAHolidayMovesADeadlineAndRemovingItRestoresIt() {
        LocalDate friday = LocalDate.of(2025, 3, 7);
        assertThat(deadlines.workingDaysAfter(friday, 3).end()).isEqualTo(LocalDate.of(2025, 3, 12));

        override(LocalDate.of(2025, 3, 11), Kind.HOLIDAY, "临时假日");
        Deadline moved = deadlines.workingDaysAfter(friday, 3);
        assertThat(moved.end()).isEqualTo(LocalDate.of(2025, 3, 13));
        assertThat(moved.steps()).filteredOn(step -> step.type() == Type.HOLIDAY_SKIPPED).singleElement()
                .satisfies(step -> {
                    assertThat(step.name()).isEqualTo("临时假日");
                    assertThat(step.source()).isEqualTo(DayKind.Source.OVERRIDE);
                });

        overrides.remove(LocalDate.of(2025, 3, 11));
        assertThat(deadlines.workingDaysAfter(friday, 3).end()).isEqualTo(LocalDate.of(2025, 3, 12));
    }

    @Test
    void anOverrideMakingAWeekendAMakeUpWorkingDayCountsIt() {
        override(LocalDate.of(2025, 3, 8), Kind.WORKDAY, "调休");

        Deadline deadline = deadlines.workingDaysAfter(LocalDate.of(2025, 3, 7), 3);

        // Saturday Mar 8 counts, Sunday Mar 9 does not: Mar 8, 10, 11
        assertThat(deadline.end()).isEqualTo(LocalDate.of(2025, 3, 11));
        assertThat(calendar.dayKind(LocalDate.of(2025, 3, 8)).type()).isEqualTo(DayKind.Type.MAKEUP_WORKDAY);
        assertThat(deadline.steps()).extracting(DeadlineStep::type).containsExactly(Type.START,
                Type.MAKEUP_WORKDAY_COUNTED, Type.WEEKEND_SKIPPED, Type.WORKDAYS_COUNTED, Type.END);
    }

    @Test
    void anOverrideWinsOverTheLibrary() {
        LocalDate lastDayOfNationalDay = LocalDate.of(2025, 10, 8);
        override(lastDayOfNationalDay, Kind.WORKDAY, "更正");

        assertThat(calendar.dayKind(lastDayOfNationalDay).type()).isEqualTo(DayKind.Type.WORKDAY);
        assertThat(calendar.dayKind(lastDayOfNationalDay).source()).isEqualTo(DayKind.Source.OVERRIDE);
        assertThat(calendar.specialDays(2025)).filteredOn(day -> day.day().equals(lastDayOfNationalDay))
                .singleElement().extracting(DayKind::source).isEqualTo(DayKind.Source.OVERRIDE);
        assertThat(deadlines.workingDaysAfter(LocalDate.of(2025, 9, 30), 1).end()).isEqualTo(lastDayOfNationalDay);
    }

    @Test
    void aYearBeyondTheLibraryIsCoveredOnceItHasOverrides() {
        assertThat(calendar.covers(2027)).isFalse();

        override(LocalDate.of(2027, 1, 1), Kind.HOLIDAY, "元旦");

        assertThat(calendar.covers(2027)).isTrue();
        assertThat(calendar.specialDays(2027)).extracting(DayKind::day).containsExactly(LocalDate.of(2027, 1, 1));
    }
}
