package org.zhibao.adjudication;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.zhibao.calendar.Deadline;

/**
 * One period of a case as the user sees it: what it is, its basis, when it started and ends, and how the end
 * was counted. Computed afresh from the case's dates on every read, so a holiday added to the calendar moves
 * every open deadline.
 *
 * @param subject whom the period concerns when it runs per party (a respondent's answer), else {@code null}
 * @param basis message code of the provision that sets it
 * @param start the day it runs from
 * @param end its last day; {@code null} while the clock is stopped
 * @param computation the counts that make the end, in order (a base period, then the days added back)
 * @param addedBackDays days of suspension and other excluded time added back (art. 37)
 * @param state whether it still runs, was met, has passed unmet, or is stopped
 * @param metOn when what the period waits for happened, if it did
 */
public record RunningPeriod(Period period, String subject, String basis, LocalDate start, LocalDate end, List<Deadline> computation,
        long addedBackDays, State state, LocalDate metOn) {

    public enum State {
        OPEN, MET, OVERDUE, STOPPED, ENDED;

        public String messageCode() {
            return "adjudication.period-state." + name();
        }
    }

    public RunningPeriod {
        computation = List.copyOf(computation);
    }

    /** Days from {@code today} to the last day (0 on the last day, negative once passed). */
    public long daysLeft(LocalDate today) {
        return end == null ? Long.MAX_VALUE : ChronoUnit.DAYS.between(today, end);
    }

    /** Whether an officer still has to act before it ends. */
    public boolean awaitsOffice() {
        return (state == State.OPEN || state == State.OVERDUE) && period.awaitsOffice();
    }
}
