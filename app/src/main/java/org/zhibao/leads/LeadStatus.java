package org.zhibao.leads;

/** A lead waits for verification (OPEN) until its office confirms or dismisses it; both are final. */
public enum LeadStatus {
    OPEN, CONFIRMED, DISMISSED;

    public String messageCode() {
        return "leads.status." + name();
    }
}
