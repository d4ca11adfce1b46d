package org.zhibao.document;

import java.util.List;

/**
 * 调解书: the terms the parties agreed, signed by the parties and sealed by the office (measures art. 35).
 * Addressed to both parties: leave the letterhead's addressee {@code null}.
 *
 * @param disputeSummary what the dispute was about, one paragraph
 * @param terms one agreed term each, in order
 * @param basis the provision applied, as text in the document's language
 */
public record MediationAgreement(Letterhead letterhead, String requester, String respondent, String patentNumber,
        String patentTitle, String disputeSummary, List<String> terms, String basis) implements DocumentContent {

    public MediationAgreement {
        DocumentContent.require(letterhead, "letterhead");
        DocumentContent.require(requester, "requester");
        DocumentContent.require(respondent, "respondent");
        DocumentContent.require(patentNumber, "patentNumber");
        DocumentContent.require(patentTitle, "patentTitle");
        DocumentContent.require(disputeSummary, "disputeSummary");
        terms = List.copyOf(DocumentContent.require(terms, "terms"));
        DocumentContent.require(basis, "basis");
    }

    @Override
    public DocumentKind kind() {
        return DocumentKind.MEDIATION_AGREEMENT;
    }
}
