package org.zhibao.adjudication;

/** Time that does not count toward the case time limit (art. 37); suspension also halts the case. */
public enum ClockStopReason {
    /** 中止 (arts. 28–29), e.g. an invalidation request accepted against the patent. */
    SUSPENSION,
    /** 公告送达: service by announcement. */
    ANNOUNCEMENT,
    /** 检验鉴定: inspection and appraisal. */
    APPRAISAL,
    /** 管辖权异议. */
    JURISDICTION_OBJECTION,
    /** A party-requested extension of the evidence period. */
    EVIDENCE_EXTENSION,
    /** 和解: the parties negotiate a settlement. */
    SETTLEMENT;

    public String messageCode() {
        return "adjudication.clock-stop." + name();
    }
}
