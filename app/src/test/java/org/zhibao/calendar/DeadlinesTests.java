package org.zhibao.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.zhibao.calendar.DeadlineStep.Type;

/** Counting on the holiday library's real arrangements (2025: 国办发明电〔2024〕12号; 2026: 〔2025〕7号). */
class DeadlinesTests {

    final Deadlines deadlines = new Deadlines(WorkingDayCalendar.libraryOnly());

    @Test
    void theLibraryKnowsNationalDay2025WithItsTwoMakeUpWorkingDays() {
        WorkingDayCalendar calendar = WorkingDayCalendar.libraryOnly();

        assertThat(calendar.dayKind(LocalDate.of(2025, 9, 28)).type()).isEqualTo(DayKind.Type.MAKEUP_WORKDAY);
        assertThat(calendar.dayKind(LocalDate.of(2025, 10, 11)).type()).isEqualTo(DayKind.Type.MAKEUP_WORKDAY);
        for (LocalDate day = LocalDate.of(2025, 10, 1); !day.isAfter(LocalDate.of(2025, 10, 8)); day = day.plusDays(1)) {
            assertThat(calendar.dayKind(day).type()).as(day.toString()).isEqualTo(DayKind.Type.HOLIDAY);
            assertThat(calendar.dayKind(day).source()).isEqualTo(DayKind.Source.LIBRARY);
        }
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 9))).isTrue();
        assertThat(calendar.dayKind(LocalDate.of(2025, 10, 12)).type()).isEqualTo(DayKind.Type.WEEKEND);
    }

    @Test
    void coversTheYearsOfTheLibrarysData() {
        assertThat(WorkingDayCalendar.libraryOnly().coveredYears()).contains(2002, 2023, 2024, 2025, 2026)
                .doesNotContain(2001, 2027);
    }

    @Test
    void countsFiveWorkingDaysAfterTheMakeUpSundayBeforeNationalDay2025() {
        Deadline deadline = deadlines.workingDaysAfter(LocalDate.of(2025, 9, 28), 5);

        // Sep 29, Sep 30, (Oct 1-8 off), Oct 9, Oct 10, and Saturday Oct 11 which is a make-up working day
        assertThat(deadline.end()).isEqualTo(LocalDate.of(2025, 10, 11));
        assertThat(deadline.steps()).extracting(DeadlineStep::type).containsExactly(Type.START,
                Type.WORKDAYS_COUNTED, Type.HOLIDAY_SKIPPED, Type.WORKDAYS_COUNTED, Type.MAKEUP_WORKDAY_COUNTED,
                Type.END);
        DeadlineStep holiday = deadline.steps().get(2);
        assertThat(holiday.from()).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(holiday.to()).isEqualTo(LocalDate.of(2025, 10, 8));
        assertThat(holiday.days()).isEqualTo(8);
        assertThat(holiday.name()).isNotBlank();
        assertThat(deadline.steps().get(4).total()).isEqualTo(5);
        assertThat(deadline.reachesUnknownYears()).isFalse();
    }

    @Test
    void countsARequestReceivedJustBeforeNationalDayFromTheDayAfterTheHoliday() {
        Deadline deadline = deadlines.workingDaysAfter(LocalDate.of(2025, 9, 30), 5);

        // Oct 9, Oct 10, Oct 11 (make-up Saturday), (Sunday Oct 12 off), Oct 13, Oct 14
        assertThat(deadline.end()).isEqualTo(LocalDate.of(2025, 10, 14));
        assertThat(deadline.steps()).extracting(DeadlineStep::type).containsExactly(Type.START,
                Type.HOLIDAY_SKIPPED, Type.WORKDAYS_COUNTED, Type.MAKEUP_WORKDAY_COUNTED, Type.WEEKEND_SKIPPED,
                Type.WORKDAYS_COUNTED, Type.END);
        assertThat(deadline.steps().get(4).from()).isEqualTo(LocalDate.of(2025, 10, 12));
        assertThat(deadline.steps().get(4).days()).isEqualTo(1);
    }

    @Test
    void skipsTheNineDaysOfSpringFestival2026AndCountsItsMakeUpSaturday() {
        Deadline deadline = deadlines.workingDaysAfter(LocalDate.of(2026, 2, 13), 3);

        // Saturday Feb 14 is a make-up working day, Feb 15-23 are off, then Feb 24 and 25
        assertThat(deadline.end()).isEqualTo(LocalDate.of(2026, 2, 25));
        assertThat(deadline.steps()).extracting(DeadlineStep::type).containsExactly(Type.START,
                Type.MAKEUP_WORKDAY_COUNTED, Type.HOLIDAY_SKIPPED, Type.WORKDAYS_COUNTED, Type.END);
        assertThat(deadline.steps().get(2).days()).isEqualTo(9);
    }

    @Test
    void movesAPeriodInDaysThatEndsOnAHolidayToTheNextWorkingDay() {
        Deadline deadline = deadlines.daysAfter(LocalDate.of(2025, 9, 26), 5);

        assertThat(deadline.end()).isEqualTo(LocalDate.of(2025, 10, 9));
        assertThat(deadline.steps()).extracting(DeadlineStep::type).containsExactly(Type.START,
                Type.CALENDAR_DAYS_COUNTED, Type.HOLIDAY_SKIPPED, Type.MOVED_TO_NEXT_WORKING_DAY, Type.END);
        DeadlineStep moved = deadline.steps().get(3);
        assertThat(moved.from()).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(moved.to()).isEqualTo(LocalDate.of(2025, 10, 9));
    }

    @Test
    void movesAPeriodInDaysThatEndsOnAnOrdinarySundayToMonday() {
        Deadline deadline = deadlines.daysAfter(LocalDate.of(2025, 3, 2), 7);

        assertThat(deadline.end()).isEqualTo(LocalDate.of(2025, 3, 10));
        assertThat(deadline.steps()).extracting(DeadlineStep::type).contains(Type.WEEKEND_SKIPPED,
                Type.MOVED_TO_NEXT_WORKING_DAY);
    }

    @Test
    void endsAPeriodInDaysOnAMakeUpSaturday() {
        Deadline deadline = deadlines.daysAfter(LocalDate.of(2025, 10, 1), 10);

        assertThat(deadline.end()).isEqualTo(LocalDate.of(2025, 10, 11));
        assertThat(deadline.steps()).extracting(DeadlineStep::type).containsExactly(Type.START,
                Type.CALENDAR_DAYS_COUNTED, Type.LAST_DAY_MAKEUP_WORKDAY, Type.END);
    }

    @Test
    void endsAPeriodOfZeroDaysOnItsStart() {
        assertThat(deadlines.workingDaysAfter(LocalDate.of(2025, 10, 3), 0).end()).isEqualTo(LocalDate.of(2025, 10, 3));
        assertThat(deadlines.workingDaysAfter(LocalDate.of(2025, 10, 3), 0).steps()).extracting(DeadlineStep::type)
                .containsExactly(Type.START, Type.NOTHING_TO_COUNT, Type.END);
        assertThat(deadlines.daysAfter(LocalDate.of(2025, 3, 5), 0).end()).isEqualTo(LocalDate.of(2025, 3, 5));
    }

    @Test
    void skipsOnlyTheWeekendInAnOrdinaryWeek() {
        Deadline deadline = deadlines.workingDaysAfter(LocalDate.of(2025, 3, 7), 3);

        assertThat(deadline.end()).isEqualTo(LocalDate.of(2025, 3, 12));
        assertThat(deadline.steps()).extracting(DeadlineStep::type).containsExactly(Type.START,
                Type.WEEKEND_SKIPPED, Type.WORKDAYS_COUNTED, Type.END);
        assertThat(deadline.steps().get(1).source()).isEqualTo(DayKind.Source.WEEK);
    }

    @Test
    void warnsWhenAPeriodReachesAYearWhoseHolidaysAreNotKnown() {
        Deadline deadline = deadlines.workingDaysAfter(LocalDate.of(2026, 12, 28), 10);

        assertThat(deadline.reachesUnknownYears()).isTrue();
        assertThat(deadline.steps().get(1).type()).isEqualTo(Type.YEAR_NOT_COVERED);
        assertThat(deadline.steps().get(1).from().getYear()).isEqualTo(2027);
    }

    @Test
    void refusesANegativePeriod() {
        assertThatIllegalArgumentException().isThrownBy(() -> deadlines.workingDaysAfter(LocalDate.of(2025, 1, 1), -1));
        assertThatIllegalArgumentException().isThrownBy(() -> deadlines.daysAfter(LocalDate.of(2025, 1, 1), -1));
    }
}
