package org.zhibao.document;

import java.time.LocalDate;
import java.util.List;

/**
 * 补正通知书 to the requester: one notice listing everything to supply, by a date the office sets; not
 * cured in time, the request is not docketed (measures art. 16).
 *
 * @param itemsToSupply one line each
 * @param dueOn the last day to supply them
 * @param basis the provision applied, as text in the document's language
 */
public record CorrectionNotice(Letterhead letterhead, String requester, String patentNumber, LocalDate receivedOn,
        List<String> itemsToSupply, LocalDate dueOn, String basis) implements DocumentContent {

    public CorrectionNotice {
        DocumentContent.require(letterhead, "letterhead");
        DocumentContent.require(requester, "requester");
        DocumentContent.require(patentNumber, "patentNumber");
        DocumentContent.require(receivedOn, "receivedOn");
        itemsToSupply = List.copyOf(DocumentContent.require(itemsToSupply, "itemsToSupply"));
        DocumentContent.require(dueOn, "dueOn");
        DocumentContent.require(basis, "basis");
    }

    @Override
    public DocumentKind kind() {
        return DocumentKind.CORRECTION_NOTICE;
    }
}
