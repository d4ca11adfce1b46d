package org.zhibao.adjudication;

import java.time.LocalDate;
import java.util.List;

/**
 * A case's public status for outside systems: where it stands and its running periods, with the basis of each.
 *
 * @param reference the case number once docketed, else a provisional {@code #id}
 */
public record CaseStatusView(long id, String reference, String caseNumber, CaseStatus status, String statusName,
        CaseKind kind, String office, LocalDate receivedOn, LocalDate docketedOn, LocalDate decidedOn,
        List<PeriodView> periods) {

    /** One period: what, on what basis, from when to when, and whether it still runs. */
    public record PeriodView(Period period, String name, String subject, String basis, LocalDate start, LocalDate end,
            RunningPeriod.State state) {
    }
}
