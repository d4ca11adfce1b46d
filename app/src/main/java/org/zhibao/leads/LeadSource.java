package org.zhibao.leads;

/** Where a lead came from: a screening batch's finding or a report from the public. */
public enum LeadSource {
    SCREENING, REPORT;

    public String messageCode() {
        return "leads.source." + name();
    }
}
