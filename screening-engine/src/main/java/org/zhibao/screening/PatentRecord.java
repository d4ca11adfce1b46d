package org.zhibao.screening;

import java.util.List;

/** One patent application as screened (the patent input line). */
public record PatentRecord(String applicationNo, String kind, String filingDate, String title, String abstractText,
                           String claims, List<String> ipc, List<Applicant> applicants, List<String> inventors,
                           String agency, String contactPhone, String contactEmail) {

    public PatentRecord {
        title = title == null ? "" : title;
        abstractText = abstractText == null ? "" : abstractText;
        claims = claims == null ? "" : claims;
        ipc = ipc == null ? List.of() : List.copyOf(ipc);
        applicants = applicants == null ? List.of() : List.copyOf(applicants);
        inventors = inventors == null ? List.of() : List.copyOf(inventors);
        agency = agency == null ? "" : agency;
        contactPhone = contactPhone == null ? "" : contactPhone;
        contactEmail = contactEmail == null ? "" : contactEmail;
    }

    /** The three texts compared for duplication, in the order their positions are reported. */
    public List<String> texts() {
        return List.of(title, abstractText, claims);
    }

    public static final List<String> TEXT_FIELDS = List.of("title", "abstract", "claims");
}
