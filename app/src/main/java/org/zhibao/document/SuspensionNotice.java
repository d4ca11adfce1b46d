package org.zhibao.document;

import java.time.LocalDate;

/**
 * 中止通知 to a party: the case is suspended and its time limit stops running until the cause ends
 * (measures arts. 28, 29, 37).
 *
 * @param reason the cause, e.g. the invalidation request accepted against the patent, one paragraph
 * @param basis the provision applied, as text in the document's language
 */
public record SuspensionNotice(Letterhead letterhead, String requester, String respondent, String patentNumber,
        LocalDate suspendedOn, String reason, String basis) implements DocumentContent {

    public SuspensionNotice {
        DocumentContent.require(letterhead, "letterhead");
        DocumentContent.require(requester, "requester");
        DocumentContent.require(respondent, "respondent");
        DocumentContent.require(patentNumber, "patentNumber");
        DocumentContent.require(suspendedOn, "suspendedOn");
        DocumentContent.require(reason, "reason");
        DocumentContent.require(basis, "basis");
    }

    @Override
    public DocumentKind kind() {
        return DocumentKind.SUSPENSION_NOTICE;
    }
}
