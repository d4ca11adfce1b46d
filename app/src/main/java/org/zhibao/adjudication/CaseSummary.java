package org.zhibao.adjudication;

import java.time.LocalDate;

/**
 * A line of a case list.
 *
 * @param nextDeadline the nearest last day of a period the office must act within, {@code null} when none runs
 * @param nextPeriod which period that is
 * @param overdue whether a period the office must act within has passed
 */
public record CaseSummary(long id, String caseNumber, String title, CaseKind kind, CaseStatus status, long officeId,
        String officeName, String requester, String respondents, String patentNumber, LocalDate receivedOn,
        LocalDate docketedOn, String handlingOfficer, LocalDate nextDeadline, Period nextPeriod, boolean overdue) {

    /** The case number once docketed, else a provisional reference. */
    public String reference() {
        return caseNumber != null ? caseNumber : "#" + id;
    }
}
