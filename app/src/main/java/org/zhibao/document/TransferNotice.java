package org.zhibao.document;

import java.time.LocalDate;

/**
 * 移送通知 to the requester: the request goes to the office that has jurisdiction (measures arts. 6-8).
 *
 * @param transferredTo the receiving office's name
 * @param reason why this office has no jurisdiction, one paragraph
 * @param basis the provision applied, as text in the document's language
 */
public record TransferNotice(Letterhead letterhead, String requester, String respondent, String patentNumber,
        LocalDate receivedOn, String transferredTo, String reason, String basis) implements DocumentContent {

    public TransferNotice {
        DocumentContent.require(letterhead, "letterhead");
        DocumentContent.require(requester, "requester");
        DocumentContent.require(respondent, "respondent");
        DocumentContent.require(patentNumber, "patentNumber");
        DocumentContent.require(receivedOn, "receivedOn");
        DocumentContent.require(transferredTo, "transferredTo");
        DocumentContent.require(reason, "reason");
        DocumentContent.require(basis, "basis");
    }

    @Override
    public DocumentKind kind() {
        return DocumentKind.TRANSFER_NOTICE;
    }
}
