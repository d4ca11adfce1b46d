package org.zhibao.document;

import java.time.LocalDate;
import java.util.List;

/**
 * 裁决书: whether the respondent infringes, the orders, and the route and period to sue (measures art. 31;
 * patent law art. 65). Addressed to both parties: leave the letterhead's addressee {@code null}.
 *
 * @param requestSummary what the requester asked and why, one paragraph
 * @param answerSummary what the respondent answered, one paragraph; {@code null} when no answer was filed
 * @param findings the facts found, one paragraph each
 * @param reasoning the office's reasoning, one paragraph each
 * @param infringing whether the respondent's acts infringe the patent
 * @param orders the operative part, one order each (e.g. to stop making and selling; or the request dismissed)
 * @param suitDays the period to sue, in days from receipt of the decision
 * @param panel members of the panel, presiding member first
 * @param basis the provisions applied, as text in the document's language
 */
public record Decision(Letterhead letterhead, String requester, String respondent, String patentNumber,
        String patentTitle, LocalDate docketedOn, String requestSummary, String answerSummary, List<String> findings,
        List<String> reasoning, boolean infringing, List<String> orders, int suitDays, List<String> panel,
        String basis) implements DocumentContent {

    public Decision {
        DocumentContent.require(letterhead, "letterhead");
        DocumentContent.require(requester, "requester");
        DocumentContent.require(respondent, "respondent");
        DocumentContent.require(patentNumber, "patentNumber");
        DocumentContent.require(patentTitle, "patentTitle");
        DocumentContent.require(docketedOn, "docketedOn");
        DocumentContent.require(requestSummary, "requestSummary");
        findings = List.copyOf(DocumentContent.require(findings, "findings"));
        reasoning = List.copyOf(DocumentContent.require(reasoning, "reasoning"));
        orders = List.copyOf(DocumentContent.require(orders, "orders"));
        if (suitDays <= 0) {
            throw new IllegalArgumentException("A document needs suitDays");
        }
        panel = List.copyOf(DocumentContent.require(panel, "panel"));
        DocumentContent.require(basis, "basis");
    }

    @Override
    public DocumentKind kind() {
        return DocumentKind.DECISION;
    }
}
