package org.zhibao.calendar;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import com.tyme.holiday.LegalHoliday;
import com.tyme.solar.SolarDay;

/**
 * The State Council's arrangements as the tyme4j library ships them (its {@code LegalHoliday} data). Read
 * once into a map: the library's data is a static string that other code could change with
 * {@code LegalHoliday.DATA}; we never do, corrections go to the override table.
 */
final class LibraryCalendar implements WorkingDayCalendar {

    /** The library's data starts in late 2001; searching from here finds its first entry. */
    private static final LocalDate SEARCH_FROM = LocalDate.of(1999, 1, 1);
    private static final int SEARCH_DAYS = 366 * 10;

    private static final LibraryCalendar INSTANCE = load();

    private final NavigableMap<LocalDate, DayKind> entries;
    private final SortedSet<Integer> coveredYears;

    private LibraryCalendar(NavigableMap<LocalDate, DayKind> entries, SortedSet<Integer> coveredYears) {
        this.entries = Collections.unmodifiableNavigableMap(entries);
        this.coveredYears = Collections.unmodifiableSortedSet(coveredYears);
    }

    static LibraryCalendar instance() {
        return INSTANCE;
    }

    private static LibraryCalendar load() {
        NavigableMap<LocalDate, DayKind> entries = new TreeMap<>();
        SortedSet<Integer> years = new TreeSet<>();
        List<String> names = Arrays.asList(LegalHoliday.NAMES);
        for (LegalHoliday holiday = first(); holiday != null; holiday = holiday.next(1)) {
            LocalDate day = toLocalDate(holiday.getDay());
            int nameIndex = names.indexOf(holiday.getName());
            String nameCode = nameIndex < 0 ? null : "calendar.holiday." + nameIndex;
            DayKind.Type type = holiday.isWork() ? DayKind.Type.MAKEUP_WORKDAY : DayKind.Type.HOLIDAY;
            entries.put(day, new DayKind(day, type, holiday.getName(), nameCode, DayKind.Source.LIBRARY));
            // a year is covered when its holidays are in the data; late-December make-up days of the
            // previous year belong to the next year's New Year holiday (their target)
            years.add(toLocalDate(holiday.getTarget()).getYear());
        }
        return new LibraryCalendar(entries, years);
    }

    private static LegalHoliday first() {
        for (int i = 0; i < SEARCH_DAYS; i++) {
            LocalDate day = SEARCH_FROM.plusDays(i);
            LegalHoliday holiday = LegalHoliday.fromYmd(day.getYear(), day.getMonthValue(), day.getDayOfMonth());
            if (holiday != null) {
                return holiday;
            }
        }
        throw new IllegalStateException("The holiday library has no data near " + SEARCH_FROM);
    }

    private static LocalDate toLocalDate(SolarDay day) {
        return LocalDate.of(day.getYear(), day.getMonth(), day.getDay());
    }

    @Override
    public DayKind dayKind(LocalDate day) {
        DayKind entry = entries.get(day);
        return entry != null ? entry : DayKind.ofWeek(day);
    }

    @Override
    public SortedSet<Integer> coveredYears() {
        return coveredYears;
    }

    @Override
    public List<DayKind> specialDays(int year) {
        Map<LocalDate, DayKind> inYear = entries.subMap(LocalDate.of(year, 1, 1), true, LocalDate.of(year, 12, 31), true);
        return List.copyOf(inYear.values());
    }
}
