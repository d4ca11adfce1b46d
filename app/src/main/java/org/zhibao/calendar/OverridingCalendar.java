package org.zhibao.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The library's calendar with the overrides laid over it. Plain Java: the overrides come from whatever
 * supplies the current table (the cached database table in the application, a map in tests).
 */
final class OverridingCalendar implements WorkingDayCalendar {

    private final WorkingDayCalendar library;
    private final Supplier<Map<LocalDate, CalendarOverride>> overrides;

    OverridingCalendar(WorkingDayCalendar library, Supplier<Map<LocalDate, CalendarOverride>> overrides) {
        this.library = library;
        this.overrides = overrides;
    }

    @Override
    public DayKind dayKind(LocalDate day) {
        CalendarOverride override = overrides.get().get(day);
        return override != null ? override.toDayKind() : library.dayKind(day);
    }

    /**
     * The library's years, and every year with an override: past the library's data an administrator
     * enters the whole announced arrangement, and the year is then known.
     */
    @Override
    public SortedSet<Integer> coveredYears() {
        SortedSet<Integer> years = new TreeSet<>(library.coveredYears());
        overrides.get().keySet().forEach(day -> years.add(day.getYear()));
        return years;
    }

    @Override
    public List<DayKind> specialDays(int year) {
        Map<LocalDate, DayKind> days = new TreeMap<>();
        library.specialDays(year).forEach(day -> days.put(day.day(), day));
        overrides.get().values().stream()
                .filter(override -> override.day().getYear() == year)
                .forEach(override -> days.put(override.day(), override.toDayKind()));
        return List.copyOf(days.values());
    }
}
