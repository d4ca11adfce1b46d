package org.zhibao.adjudication;

import java.util.Optional;

import org.zhibao.patent.PatentKind;

/**
 * What the officer found when choosing the simplified procedure: the conditions the work plan names — clear
 * facts and evidence, undisputed ownership, no pending invalidation, and for a utility model or design an
 * evaluation report (专利权评价报告).
 */
public record SimplifiedEligibility(boolean clearFactsAndEvidence, boolean ownershipUndisputed,
        boolean noPendingInvalidation, boolean evaluationReport) {

    public static SimplifiedEligibility none() {
        return new SimplifiedEligibility(false, false, false, false);
    }

    /** The first condition not met, as a message code; empty when the case qualifies. */
    public Optional<String> problem(PatentKind patent) {
        if (!clearFactsAndEvidence) {
            return Optional.of("adjudication.simplified.facts-unclear");
        }
        if (!ownershipUndisputed) {
            return Optional.of("adjudication.simplified.ownership-disputed");
        }
        if (!noPendingInvalidation) {
            return Optional.of("adjudication.simplified.invalidation-pending");
        }
        if (patent != PatentKind.INVENTION && !evaluationReport) {
            return Optional.of("adjudication.simplified.evaluation-report-missing");
        }
        return Optional.empty();
    }
}
