package org.zhibao.adjudication;

import java.time.LocalDate;

/**
 * What an officer looks for in the case list; every field may be empty.
 *
 * @param text words in the title, the parties' names or the case number (full-text)
 * @param party a party's name or credit code
 */
public record CaseFilter(CaseStatus status, CaseKind kind, Long officeId, LocalDate receivedFrom,
        LocalDate receivedTo, String party, String patentNumber, String text) {

    public static CaseFilter none() {
        return new CaseFilter(null, null, null, null, null, null, null, null);
    }
}
