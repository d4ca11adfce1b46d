package org.zhibao.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.SortedSet;

/**
 * Which days are working days in China: weekends and public holidays are not, make-up working days
 * (announced by the State Council each year) are. The application's bean combines the holiday library
 * with the administrator's overrides.
 */
public interface WorkingDayCalendar {

    DayKind dayKind(LocalDate day);

    default boolean isWorkingDay(LocalDate day) {
        return dayKind(day).isWorking();
    }

    /**
     * The years whose holiday arrangement the calendar knows. For other years only weekends are known,
     * and deadlines reaching into them say so.
     */
    SortedSet<Integer> coveredYears();

    default boolean covers(int year) {
        return coveredYears().contains(year);
    }

    /** The year's holidays and make-up working days, and every day an override speaks of, in date order. */
    List<DayKind> specialDays(int year);

    /** The holiday library alone, without overrides: for plain tests of code that counts deadlines. */
    static WorkingDayCalendar libraryOnly() {
        return LibraryCalendar.instance();
    }
}
