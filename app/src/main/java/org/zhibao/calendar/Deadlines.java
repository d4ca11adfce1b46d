package org.zhibao.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

import org.zhibao.calendar.DeadlineStep.Type;

/**
 * Counts periods on a {@link WorkingDayCalendar} (law.md, "Counting time"). Plain Java: give it any
 * calendar; the application's bean uses the library with the administrator's overrides.
 */
public class Deadlines {

    /** No announced rest lasts this long: more in a row means a broken calendar, not a long holiday. */
    private static final int MAX_DAYS_OFF_IN_A_ROW = 60;
    private static final int MAX_PERIOD = 36_600;
    private static final int MAX_MONTHS = 1_200;

    private final WorkingDayCalendar calendar;

    public Deadlines(WorkingDayCalendar calendar) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    /** The last day of a period of {@code n} working days or calendar days from {@code start}. */
    public Deadline after(Deadline.Kind kind, LocalDate start, int n) {
        return switch (kind) {
            case WORKING -> workingDaysAfter(start, n);
            case CALENDAR -> daysAfter(start, n);
            case MONTHS -> monthsAfter(start, n);
        };
    }

    /**
     * The {@code n}-th working day after {@code start}; the start day is not counted. Weekends and public
     * holidays are skipped, make-up working days counted. Zero days end on the start day.
     */
    public Deadline workingDaysAfter(LocalDate start, int n) {
        check(start, n);
        Explanation explanation = new Explanation(start);
        LocalDate day = start;
        int counted = 0;
        int daysOff = 0;
        while (counted < n) {
            day = day.plusDays(1);
            DayKind kind = calendar.dayKind(day);
            if (kind.isWorking()) {
                counted++;
                daysOff = 0;
            }
            else if (++daysOff > MAX_DAYS_OFF_IN_A_ROW) {
                throw new IllegalStateException("No working day in " + MAX_DAYS_OFF_IN_A_ROW + " days before " + day);
            }
            explanation.add(kind, counted);
        }
        if (n == 0) {
            explanation.steps.add(DeadlineStep.on(Type.NOTHING_TO_COUNT, start));
        }
        return explanation.end(day, Deadline.Kind.WORKING, n, start.plusDays(1));
    }

    /**
     * {@code start} plus {@code n} calendar days; when that day is not a working day (a weekend or a
     * public holiday) the period ends on the next working day. A make-up working day ends it.
     */
    public Deadline daysAfter(LocalDate start, int n) {
        check(start, n);
        Explanation explanation = new Explanation(start);
        LocalDate last = start.plusDays(n);
        if (n > 0) {
            explanation.steps.add(DeadlineStep.between(Type.CALENDAR_DAYS_COUNTED, start.plusDays(1), last));
        }
        return endOnAWorkingDay(explanation, last, Deadline.Kind.CALENDAR, n);
    }

    /**
     * {@code n} months after {@code start} (民法典 arts. 201–203): the day of the last month with the start
     * day's number, or that month's last day when it has none (a month from 31 January ends on 28 or 29
     * February); when that day is not a working day the period ends on the next working day.
     */
    public Deadline monthsAfter(LocalDate start, int n) {
        Objects.requireNonNull(start, "start");
        if (n < 0 || n > MAX_MONTHS) {
            throw new IllegalArgumentException("A period is 0 to " + MAX_MONTHS + " months, not " + n);
        }
        Explanation explanation = new Explanation(start);
        LocalDate last = start.plusMonths(n); // java.time clamps to the month's last day, as the law does
        if (n > 0) {
            explanation.steps.add(new DeadlineStep(last.getDayOfMonth() == start.getDayOfMonth()
                    ? Type.MONTHS_COUNTED : Type.MONTHS_COUNTED_TO_MONTH_END, start, last, n, 0, null, null, null));
        }
        return endOnAWorkingDay(explanation, last, Deadline.Kind.MONTHS, n);
    }

    private Deadline endOnAWorkingDay(Explanation explanation, LocalDate last, Deadline.Kind periodKind, int n) {
        DayKind kind = calendar.dayKind(last);
        LocalDate day = last;
        if (kind.isWorking() && kind.isSpecial()) {
            explanation.steps.add(new DeadlineStep(Type.LAST_DAY_MAKEUP_WORKDAY, last, last, 1, 0, kind.name(),
                    kind.nameCode(), kind.source()));
        }
        int daysOff = 0;
        while (!kind.isWorking()) {
            if (++daysOff > MAX_DAYS_OFF_IN_A_ROW) {
                throw new IllegalStateException("No working day in " + MAX_DAYS_OFF_IN_A_ROW + " days after " + last);
            }
            explanation.add(kind, 0);
            day = day.plusDays(1);
            kind = calendar.dayKind(day);
        }
        if (!day.equals(last)) {
            explanation.steps.add(new DeadlineStep(Type.MOVED_TO_NEXT_WORKING_DAY, last, day,
                    (int) (day.toEpochDay() - last.toEpochDay()), 0, null, null, kind.source()));
        }
        return explanation.end(day, periodKind, n, last);
    }

    private static void check(LocalDate start, int n) {
        Objects.requireNonNull(start, "start");
        if (n < 0 || n > MAX_PERIOD) {
            throw new IllegalArgumentException("A period is 0 to " + MAX_PERIOD + " days, not " + n);
        }
    }

    /** The steps of one count: consecutive days of one kind become one step. */
    private final class Explanation {

        private final LocalDate start;
        private final List<DeadlineStep> steps = new ArrayList<>();

        Explanation(LocalDate start) {
            this.start = start;
            steps.add(DeadlineStep.on(Type.START, start));
        }

        void add(DayKind kind, int total) {
            Type type = switch (kind.type()) {
                case WORKDAY -> kind.isSpecial() ? Type.MAKEUP_WORKDAY_COUNTED : Type.WORKDAYS_COUNTED;
                case MAKEUP_WORKDAY -> Type.MAKEUP_WORKDAY_COUNTED;
                case WEEKEND -> Type.WEEKEND_SKIPPED;
                case HOLIDAY -> Type.HOLIDAY_SKIPPED;
            };
            DeadlineStep previous = steps.get(steps.size() - 1);
            if (previous.type() == type && previous.to().plusDays(1).equals(kind.day())
                    && Objects.equals(previous.name(), kind.name()) && previous.source() == kind.source()) {
                steps.set(steps.size() - 1, new DeadlineStep(type, previous.from(), kind.day(), previous.days() + 1,
                        total, kind.name(), kind.nameCode(), kind.source()));
            }
            else {
                steps.add(new DeadlineStep(type, kind.day(), kind.day(), 1, total, kind.name(), kind.nameCode(),
                        kind.source()));
            }
        }

        /** Closes the count; warns first about years from {@code examinedFrom} to the end the calendar lacks. */
        Deadline end(LocalDate end, Deadline.Kind kind, int n, LocalDate examinedFrom) {
            SortedSet<Integer> unknown = new TreeSet<>();
            for (int year = Math.min(examinedFrom.getYear(), end.getYear()); year <= end.getYear(); year++) {
                if (!calendar.covers(year)) {
                    unknown.add(year);
                }
            }
            int at = 1;
            for (int year : unknown) {
                LocalDate first = LocalDate.of(year, 1, 1);
                steps.add(at++, new DeadlineStep(Type.YEAR_NOT_COVERED, first, LocalDate.of(year, 12, 31), 0, 0, null,
                        null, null));
            }
            steps.add(DeadlineStep.on(Type.END, end));
            return new Deadline(start, end, kind, n, steps);
        }
    }
}
