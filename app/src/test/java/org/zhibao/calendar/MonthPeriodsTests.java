package org.zhibao.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Periods in months, as the case time limit (3 months from docketing) is counted. */
class MonthPeriodsTests {

    final Deadlines deadlines = new Deadlines(WorkingDayCalendar.libraryOnly());

    @Test
    void threeMonthsEndOnTheDayWithTheStartDaysNumber() {
        Deadline deadline = deadlines.monthsAfter(LocalDate.of(2025, 3, 12), 3);
        assertThat(deadline.end()).isEqualTo(LocalDate.of(2025, 6, 12));
        assertThat(deadline.kind()).isEqualTo(Deadline.Kind.MONTHS);
        assertThat(deadline.steps()).extracting(DeadlineStep::type)
                .containsExactly(DeadlineStep.Type.START, DeadlineStep.Type.MONTHS_COUNTED, DeadlineStep.Type.END);
    }

    @Test
    void aMonthWithoutTheStartDaysNumberEndsOnItsLastDay() {
        Deadline deadline = deadlines.monthsAfter(LocalDate.of(2025, 1, 31), 1);
        assertThat(deadline.end()).isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(deadline.steps()).extracting(DeadlineStep::type).contains(DeadlineStep.Type.MONTHS_COUNTED_TO_MONTH_END);
        assertThat(deadlines.monthsAfter(LocalDate.of(2023, 11, 30), 3).end())
                .as("to 29 February in a leap year").isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void aPeriodEndingInTheNationalDayHolidayMovesToTheNextWorkingDay() {
        Deadline deadline = deadlines.monthsAfter(LocalDate.of(2025, 7, 1), 3);
        assertThat(deadline.end()).isEqualTo(LocalDate.of(2025, 10, 9));
        assertThat(deadline.steps()).extracting(DeadlineStep::type)
                .contains(DeadlineStep.Type.HOLIDAY_SKIPPED, DeadlineStep.Type.MOVED_TO_NEXT_WORKING_DAY);
    }

    @Test
    void aPeriodEndingOnAMakeUpWorkingDayEndsThere() {
        // 11 October 2025, a Saturday worked in exchange for the National Day holiday
        assertThat(deadlines.monthsAfter(LocalDate.of(2025, 7, 11), 3).end()).isEqualTo(LocalDate.of(2025, 10, 11));
    }

    @Test
    void refusesANegativeNumberOfMonths() {
        assertThatThrownBy(() -> deadlines.monthsAfter(LocalDate.of(2025, 1, 1), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void afterCountsMonthsWhenAskedTo() {
        assertThat(deadlines.after(Deadline.Kind.MONTHS, LocalDate.of(2025, 3, 12), 1).end())
                .isEqualTo(LocalDate.of(2025, 4, 14)); // 12 April 2025 is a Saturday
    }
}
