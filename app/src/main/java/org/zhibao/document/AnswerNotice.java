package org.zhibao.document;

import java.time.LocalDate;
import java.util.List;

/**
 * 答辩通知书 to the respondent, served with a copy of the request: answer within the period (measures art. 22:
 * 15 days, 30 without a domicile in China), counted from receipt; a missing answer does not stop the case.
 *
 * @param answerDays the period in days, from receipt of this notice
 * @param enclosures what is served with the notice, e.g. the copy of the request and of the evidence
 * @param panel members of the panel, presiding member first, so that the respondent may apply for recusal
 * @param recusalDays the working days a party has to apply for recusal once it knows the panel
 * @param basis the provision applied, as text in the document's language
 */
public record AnswerNotice(Letterhead letterhead, String requester, String respondent, String patentNumber,
        String patentTitle, LocalDate docketedOn, int answerDays, List<String> enclosures, List<String> panel,
        int recusalDays, String basis) implements DocumentContent {

    public AnswerNotice {
        DocumentContent.require(letterhead, "letterhead");
        DocumentContent.require(requester, "requester");
        DocumentContent.require(respondent, "respondent");
        DocumentContent.require(patentNumber, "patentNumber");
        DocumentContent.require(patentTitle, "patentTitle");
        DocumentContent.require(docketedOn, "docketedOn");
        if (answerDays <= 0) {
            throw new IllegalArgumentException("A document needs answerDays");
        }
        enclosures = List.copyOf(DocumentContent.require(enclosures, "enclosures"));
        panel = List.copyOf(DocumentContent.require(panel, "panel"));
        if (recusalDays <= 0) {
            throw new IllegalArgumentException("A document needs recusalDays");
        }
        DocumentContent.require(basis, "basis");
    }

    @Override
    public DocumentKind kind() {
        return DocumentKind.ANSWER_NOTICE;
    }
}
