package org.zhibao.leads;

/** What a batch holds: patent applications (rules P1, P4, P6) or trademark filings (T_SQUAT, T_MASS). */
public enum BatchKind {
    PATENTS, TRADEMARKS;

    public String messageCode() {
        return "leads.batch-kind." + name();
    }
}
