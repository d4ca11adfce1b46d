package org.zhibao.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A period's last day and how it was counted, step by step, so that the user can check it.
 *
 * @param start the day the period runs from (not itself counted)
 * @param end the last day of the period
 * @param kind counted in working days or in calendar days
 * @param days the length of the period
 * @param steps the explanation, in order; render with {@link DeadlineExplanations}
 */
public record Deadline(LocalDate start, LocalDate end, Kind kind, int days, List<DeadlineStep> steps) {

    public enum Kind {
        /** 工作日: weekends and public holidays skipped, make-up working days counted. */
        WORKING,
        /** 日 (calendar days): a last day that is not a working day moves to the next working day. */
        CALENDAR,
        /**
         * 月 (months): ends on the day of the last month that matches the start day, or that month's last day
         * when it has no such day; a last day that is not a working day moves to the next working day.
         */
        MONTHS;

        /** The message code of the counting rule, for showing the user the basis of the result. */
        public String ruleCode() {
            return "calendar.rule." + name().toLowerCase();
        }
    }

    public Deadline {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(kind, "kind");
        steps = List.copyOf(steps);
    }

    /** Whether the period reaches into a year whose holidays the calendar does not know yet. */
    public boolean reachesUnknownYears() {
        return steps.stream().anyMatch(step -> step.type() == DeadlineStep.Type.YEAR_NOT_COVERED);
    }
}
