package org.zhibao.adjudication;

import org.zhibao.patent.PatentKind;

/**
 * Why a case is suspended (中止, arts. 28–29). An accepted invalidation request against a utility model or a
 * design obliges the office to suspend; against an invention patent it may decline.
 */
public enum SuspensionGround {
    /** 无效宣告请求已受理. */
    INVALIDATION_ACCEPTED,
    /** A related case (ownership dispute, a court case) must be settled first. */
    RELATED_CASE_PENDING,
    /** A party died or an entity ended and its successor is not yet known. */
    PARTY_SUCCESSION,
    /** Force majeure or another ground the rules name. */
    OTHER;

    /** Whether the rules leave the office no choice (art. 28). */
    public boolean mandatoryFor(PatentKind kind) {
        return this == INVALIDATION_ACCEPTED && kind != PatentKind.INVENTION;
    }

    public String messageCode() {
        return "adjudication.suspension-ground." + name();
    }
}
