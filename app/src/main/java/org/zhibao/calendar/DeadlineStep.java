package org.zhibao.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One line of a deadline's explanation, structured so that either language can render it: a message code
 * ({@link #code()}) and its arguments. In the messages, {0} is {@code from}, {1} {@code to}, {2}
 * {@code days}, {3} {@code total}, {4} the holiday's name, {5} the source and {6} the year of {@code from}.
 *
 * @param type what happened
 * @param from the first day concerned
 * @param to the last day concerned (equal to {@code from} for a single day)
 * @param days how many days the step concerns
 * @param total working days counted so far, after this step (0 where it does not apply)
 * @param name the holiday's name, {@code null} when none
 * @param nameCode the message code translating {@code name}, {@code null} when none
 * @param source where the calendar's answer for these days comes from, {@code null} when not about days
 */
public record DeadlineStep(Type type, LocalDate from, LocalDate to, int days, int total, String name,
        String nameCode, DayKind.Source source) {

    public enum Type {
        /** The day the period runs from, not counted. */
        START,
        /** A year touched by the period whose holidays the calendar does not know: only weekends skipped. */
        YEAR_NOT_COVERED,
        /** Ordinary working days counted. */
        WORKDAYS_COUNTED,
        /** An announced working day (a make-up day on a weekend) counted. */
        MAKEUP_WORKDAY_COUNTED,
        /** A weekend skipped. */
        WEEKEND_SKIPPED,
        /** Days of a public holiday skipped. */
        HOLIDAY_SKIPPED,
        /** Calendar days counted. */
        CALENDAR_DAYS_COUNTED,
        /** Months counted to the day with the start day's number. */
        MONTHS_COUNTED,
        /** Months counted to the last month's last day, the month having no day with the start day's number. */
        MONTHS_COUNTED_TO_MONTH_END,
        /** The last day of a period in calendar days is a make-up working day: the period ends there. */
        LAST_DAY_MAKEUP_WORKDAY,
        /** The last day of a period in calendar days is not a working day: the period moves. */
        MOVED_TO_NEXT_WORKING_DAY,
        /** Nothing to count: a period of zero working days ends on its start. */
        NOTHING_TO_COUNT,
        /** The period's last day. */
        END;

        public String code() {
            return "calendar.step." + name().toLowerCase().replace('_', '-');
        }
    }

    public DeadlineStep {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /** The message code; stretches of a single day have their own wording ("on 10-12" rather than "10-12 to 10-12"). */
    public String code() {
        boolean stretch = switch (type) {
            case WORKDAYS_COUNTED, WEEKEND_SKIPPED, HOLIDAY_SKIPPED, CALENDAR_DAYS_COUNTED -> true;
            default -> false;
        };
        return stretch && from.equals(to) ? type.code() + ".one-day" : type.code();
    }

    static DeadlineStep on(Type type, LocalDate day) {
        return new DeadlineStep(type, day, day, 1, 0, null, null, null);
    }

    static DeadlineStep between(Type type, LocalDate from, LocalDate to) {
        return new DeadlineStep(type, from, to, (int) (to.toEpochDay() - from.toEpochDay()) + 1, 0, null, null, null);
    }
}
