package org.zhibao.adjudication;

/** The kinds of adjudication case, each with its own forum, composition and time limit. */
public enum CaseKind {
    /** An ordinary case: a handling officer (or a panel) at the competent local office. */
    ORDINARY,
    /** 简易程序: a province's simplified procedure for clear, undisputed cases, with a shorter time limit. */
    SIMPLIFIED,
    /** 重大专利侵权纠纷: of national major impact, at the national office, always before a panel (arts. 55–58). */
    MAJOR,
    /** 药品专利纠纷早期解决: drug-patent early resolution, at the national office before a panel (arts. 60–62). */
    DRUG_PATENT;

    /** Only the national office takes these up. */
    public boolean atNationalOffice() {
        return this == MAJOR || this == DRUG_PATENT;
    }

    /** Decided by a collegial panel of three or more, an odd number, rather than one handling officer. */
    public boolean needsPanel() {
        return this == MAJOR || this == DRUG_PATENT;
    }

    public String messageCode() {
        return "adjudication.kind." + name();
    }
}
