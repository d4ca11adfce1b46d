package org.zhibao.adjudication;

/** A move the procedure does not allow from the case's present status (deciding an undocketed case, say). */
public class IllegalTransition extends CaseRefused {

    private final CaseStatus from;
    private final CaseStatus to;

    IllegalTransition(CaseStatus from, CaseStatus to) {
        super("adjudication.transition.illegal", from.messageCode(), to.messageCode());
        this.from = from;
        this.to = to;
    }

    public CaseStatus from() {
        return from;
    }

    public CaseStatus to() {
        return to;
    }
}
