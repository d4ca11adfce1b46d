package org.zhibao.leads;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One lead whole, as its page shows it.
 *
 * @param evidenceJson the finding's evidence as the engine wrote it (JSON)
 * @param filingsJson the filings the lead names, by application number, as they were imported (JSON)
 * @param mayDecide whether the viewer's office is the one to confirm or dismiss it now
 * @param mayHandDown whether the viewer's office is above the lead's and may hand it down
 */
public record LeadView(long id, LeadSource source, Long batchId, String rule, Double score, List<String> subjects,
        String evidenceJson, Map<String, String> filingsJson, String applicantName, String applicantCode,
        String agency, String regionCode, String regionName, long officeId, String officeName, LeadStatus status,
        String handedDownByName, Instant handedDownAt, LocalDate dueOn, String handDownNote, String decidedBy,
        Instant decidedAt, String reasons, String basis, Instant createdAt, List<LeadEvent> history,
        ReportView report, boolean mayDecide, boolean mayHandDown) {

    public LeadView {
        subjects = List.copyOf(subjects);
        filingsJson = Map.copyOf(filingsJson);
        history = List.copyOf(history);
    }

    /** One entry of the lead's history. */
    public record LeadEvent(Instant at, String actor, String officeName, String action, String note) {
    }

    /** The report a lead came from. */
    public record ReportView(long id, String reporterName, String filingKind, String applicationNo,
            String applicantAddress, String description, Instant createdAt) {
    }

    public boolean overdue(LocalDate today) {
        return status == LeadStatus.OPEN && dueOn != null && dueOn.isBefore(today);
    }
}
