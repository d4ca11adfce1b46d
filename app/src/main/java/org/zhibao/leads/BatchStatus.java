package org.zhibao.leads;

/**
 * Where a screening batch stands. A cancelled or failed batch can be resumed: it continues from the last
 * phase it committed.
 */
public enum BatchStatus {
    QUEUED, RUNNING, CANCELLED, FAILED, DONE;

    public boolean resumable() {
        return this == CANCELLED || this == FAILED;
    }

    public boolean active() {
        return this == QUEUED || this == RUNNING;
    }

    public String messageCode() {
        return "leads.batch-status." + name();
    }
}
