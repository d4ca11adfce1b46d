package org.zhibao.document;

import java.time.LocalDateTime;
import java.util.List;

/**
 * 口头审理通知书 to one party, at least 3 working days before the hearing (measures arts. 26, 27). What
 * absence means differs: an absent requester is taken to withdraw, an absent respondent is heard in absence.
 *
 * @param place the hearing room's address, or for an online hearing the platform and how to join
 * @param panel members of the panel, presiding member first
 * @param basis the provision applied, as text in the document's language
 */
public record HearingNotice(Letterhead letterhead, Recipient recipient, String requester, String respondent,
        String patentNumber, LocalDateTime hearingAt, String place, boolean online, List<String> panel,
        String basis) implements DocumentContent {

    /** Which party the notice goes to. */
    public enum Recipient {
        REQUESTER, RESPONDENT
    }

    public HearingNotice {
        DocumentContent.require(letterhead, "letterhead");
        DocumentContent.require(recipient, "recipient");
        DocumentContent.require(requester, "requester");
        DocumentContent.require(respondent, "respondent");
        DocumentContent.require(patentNumber, "patentNumber");
        DocumentContent.require(hearingAt, "hearingAt");
        DocumentContent.require(place, "place");
        panel = List.copyOf(DocumentContent.require(panel, "panel"));
        DocumentContent.require(basis, "basis");
    }

    @Override
    public DocumentKind kind() {
        return DocumentKind.HEARING_NOTICE;
    }
}
