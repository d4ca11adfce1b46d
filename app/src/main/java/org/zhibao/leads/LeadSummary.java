package org.zhibao.leads;

import java.time.Instant;
import java.time.LocalDate;

/** A line of the list. */
public record LeadSummary(long id, String rule, Double score, String applicantName, String applicantCode,
        String agency, String regionCode, String regionName, String officeName, LeadStatus status, LeadSource source,
        Instant createdAt, LocalDate dueOn, int subjectCount, String firstSubject) {
}
