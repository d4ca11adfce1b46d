package org.zhibao.leads;

/**
 * What the list is narrowed to; every field may be null (no restriction).
 *
 * @param rule the rule that fired (P1_DUPLICATE …)
 * @param minScore the lowest score shown, 0-1
 * @param region a region code: leads whose applicant's region lies in it
 * @param applicant part of the applicant's name or its credit code
 * @param agency part of the agency's name
 * @param status open, confirmed or dismissed
 * @param source screening or report
 * @param batchId leads of one batch
 * @param officeId leads assigned to one office (an official's "my office's leads")
 */
public record LeadFilter(String rule, Double minScore, String region, String applicant, String agency,
        LeadStatus status, LeadSource source, Long batchId, Long officeId) {

    public LeadFilter(String rule, Double minScore, String region, String applicant, String agency, LeadStatus status,
            LeadSource source, Long batchId) {
        this(rule, minScore, region, applicant, agency, status, source, batchId, null);
    }

    public static LeadFilter none() {
        return new LeadFilter(null, null, null, null, null, null, null, null, null);
    }
}
