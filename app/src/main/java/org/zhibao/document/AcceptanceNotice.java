package org.zhibao.document;

import java.time.LocalDate;
import java.util.List;

/**
 * 受理通知书 to the requester: the request is docketed and the panel appointed (measures art. 20), with the
 * right to apply for recusal (art. 5).
 *
 * @param patentTitle the invention's or design's title as granted
 * @param panel members of the panel, presiding member first
 * @param recusalDays the working days a party has to apply for recusal once it knows the panel
 * @param basis the provision applied, as text in the document's language
 */
public record AcceptanceNotice(Letterhead letterhead, String requester, String respondent, String patentNumber,
        String patentTitle, LocalDate receivedOn, LocalDate docketedOn, List<String> panel, int recusalDays,
        String basis) implements DocumentContent {

    public AcceptanceNotice {
        DocumentContent.require(letterhead, "letterhead");
        DocumentContent.require(requester, "requester");
        DocumentContent.require(respondent, "respondent");
        DocumentContent.require(patentNumber, "patentNumber");
        DocumentContent.require(patentTitle, "patentTitle");
        DocumentContent.require(receivedOn, "receivedOn");
        DocumentContent.require(docketedOn, "docketedOn");
        panel = List.copyOf(DocumentContent.require(panel, "panel"));
        if (recusalDays <= 0) {
            throw new IllegalArgumentException("A document needs recusalDays");
        }
        DocumentContent.require(basis, "basis");
    }

    @Override
    public DocumentKind kind() {
        return DocumentKind.ACCEPTANCE_NOTICE;
    }
}
