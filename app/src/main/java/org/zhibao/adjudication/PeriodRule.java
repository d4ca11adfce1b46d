package org.zhibao.adjudication;

import java.time.LocalDate;

import org.zhibao.calendar.Deadline;
import org.zhibao.calendar.Deadlines;

/**
 * One period of one version of the rules: its length, how it is counted, and the article that sets it.
 *
 * @param basis message code of the provision (adjudication bundle), shown with every deadline
 */
public record PeriodRule(Period period, int length, Deadline.Kind counting, String basis) {

    public PeriodRule {
        if (length < 0) {
            throw new IllegalArgumentException("A period has a length: " + length);
        }
    }

    /** The last day of this period when it runs from {@code from}. */
    public Deadline from(LocalDate from, Deadlines deadlines) {
        return deadlines.after(counting, from, length);
    }
}
