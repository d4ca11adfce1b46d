package org.zhibao.adjudication;

/** A move the procedure does not allow from the case's present status (deciding an undocketed case, say). */
public class IllegalTransition extends RuntimeException {

    private final CaseStatus from;
    private final CaseStatus to;

    IllegalTransition(CaseStatus from, CaseStatus to) {
        super("A case that is " + from + " cannot become " + to);
        this.from = from;
        this.to = to;
    }

    public CaseStatus from() {
        return from;
    }

    public CaseStatus to() {
        return to;
    }

    /** Message code (adjudication bundle) of the explanation; its arguments are the two statuses' names. */
    public String messageCode() {
        return "adjudication.transition.illegal";
    }
}
