package org.zhibao.document;

import java.time.LocalDate;
import java.util.List;

/**
 * 不予受理通知书 to the requester: the request is not docketed, with the reasons (measures arts. 16, 20) and
 * the remedies against that decision.
 *
 * @param reasons one paragraph each
 * @param basis the provision applied, as text in the document's language
 */
public record NonAcceptanceNotice(Letterhead letterhead, String requester, String respondent, String patentNumber,
        LocalDate receivedOn, List<String> reasons, String basis) implements DocumentContent {

    public NonAcceptanceNotice {
        DocumentContent.require(letterhead, "letterhead");
        DocumentContent.require(requester, "requester");
        DocumentContent.require(respondent, "respondent");
        DocumentContent.require(patentNumber, "patentNumber");
        DocumentContent.require(receivedOn, "receivedOn");
        reasons = List.copyOf(DocumentContent.require(reasons, "reasons"));
        DocumentContent.require(basis, "basis");
    }

    @Override
    public DocumentKind kind() {
        return DocumentKind.NON_ACCEPTANCE_NOTICE;
    }
}
