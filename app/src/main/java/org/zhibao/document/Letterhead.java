package org.zhibao.document;

import java.time.LocalDate;

/**
 * What every document carries: the issuing office (heading and closing), the case number line (e.g.
 * 浙知裁字〔2026〕12号), the addressee, the date of issue, and optionally whom to contact.
 *
 * @param addressee whom the document is addressed to; {@code null} for instruments addressed to both parties
 *     (mediation agreement, decision), which list the parties instead
 * @param contact e.g. a clerk's name and telephone number; {@code null} prints no contact line
 */
public record Letterhead(String officeName, String caseNumber, String addressee, LocalDate issuedOn, String contact) {

    public Letterhead {
        DocumentContent.require(officeName, "officeName");
        DocumentContent.require(caseNumber, "caseNumber");
        DocumentContent.require(issuedOn, "issuedOn");
    }
}
