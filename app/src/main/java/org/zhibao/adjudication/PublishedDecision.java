package org.zhibao.adjudication;

import java.time.LocalDate;

/** A decision as the public site shows it: personal data masked. */
public record PublishedDecision(long caseId, String caseNumber, String office, String patentNumber,
        LocalDate decidedOn, LocalDate publishedOn, String outcome, String text) {
}
