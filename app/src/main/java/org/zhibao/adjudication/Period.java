package org.zhibao.adjudication;

/** The periods the adjudication procedure sets; their lengths and basis depend on the rules in force. */
public enum Period {
    /** 立案审查: docket or refuse after receiving the request. */
    ACCEPTANCE_REVIEW,
    /** The further acceptance review a complex request may get with the office head's approval. */
    ACCEPTANCE_REVIEW_EXTENSION,
    /** 送达: the request's copy reaches the respondent after docketing. */
    SERVICE_ON_RESPONDENT,
    /** 答辩: the respondent answers after receiving the copy. */
    ANSWER,
    /** The answer period of a respondent with no domicile in China. */
    ANSWER_WITHOUT_DOMICILE_IN_CHINA,
    /** The answer goes on to the requester. */
    ANSWER_FORWARDING,
    /** 回避: a party applies to recuse a panel member after learning who sits on it. */
    RECUSAL_APPLICATION,
    /** 审理期限: the case is decided after docketing. */
    CASE_TIME_LIMIT,
    /** The extension the office head may approve. */
    EXTENSION_BY_OFFICE_HEAD,
    /** The further extension of an especially complex case, approved by the next-higher office. */
    EXTENSION_BY_HIGHER_OFFICE,
    /** 公开: the decision is published after it is made. */
    PUBLICATION,
    /** 起诉: a party may sue after receiving the decision. */
    LAWSUIT,
    /** The office may apply to court for enforcement after the compliance deadline. */
    ENFORCEMENT_APPLICATION_BY_OFFICE,
    /** Otherwise the right holder may. */
    ENFORCEMENT_APPLICATION_BY_RIGHT_HOLDER,
    /** 药品专利纠纷早期解决: the patentee's window after the generic marketing application is published. */
    DRUG_PATENT_WINDOW,
    /** 补正: the period the office set for supplying what the request lacks (art. 16). */
    CORRECTION,
    /** 简易程序: the province's shorter time limit for a case under the simplified procedure. */
    SIMPLIFIED_TIME_LIMIT;

    /**
     * For a period whose length the national rules do not set (the office sets the correction period, the
     * province its simplified procedure's limit), the message code of its basis; empty for the others.
     */
    public java.util.Optional<String> lengthSetLocally() {
        return switch (this) {
            case CORRECTION -> java.util.Optional.of("adjudication.basis.art-16");
            case SIMPLIFIED_TIME_LIMIT -> java.util.Optional.of("adjudication.basis.simplified");
            default -> java.util.Optional.empty();
        };
    }

    /** Whether it is the office that must act before the period ends (rather than a party). */
    public boolean awaitsOffice() {
        return switch (this) {
            case ACCEPTANCE_REVIEW, ACCEPTANCE_REVIEW_EXTENSION, SERVICE_ON_RESPONDENT, ANSWER_FORWARDING,
                    CASE_TIME_LIMIT, SIMPLIFIED_TIME_LIMIT, PUBLICATION -> true;
            default -> false;
        };
    }

    /** Message code (adjudication bundle) of the period's name. */
    public String messageCode() {
        return "adjudication.period." + name();
    }
}
