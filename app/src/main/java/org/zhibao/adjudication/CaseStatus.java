package org.zhibao.adjudication;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a case stands in the procedure of the 2025 measures (专利纠纷行政裁决和调解办法). The table of allowed
 * moves is here and only here; the case entity's guarded methods are the only callers of {@link #moveTo}.
 * Periods (answer, hearing notice, case time limit) run inside a status and are not statuses themselves.
 */
public enum CaseStatus {

    /** The request arrived and awaits acceptance review (立案审查; 5 working days, art. 20). */
    SUBMITTED,
    /** One written notice asked for what is missing, with a period (补正, art. 16). */
    CORRECTION_REQUESTED,
    /** Docketed (立案): served on the respondent, answered, heard and decided (arts. 20–31). */
    DOCKETED,
    /** Suspended (中止, arts. 28–29): the case time limit stops until it resumes. */
    SUSPENDED,
    /** The parties agreed to mediate (调解, art. 35); a failed mediation returns to adjudication. */
    IN_MEDIATION,
    /** Closed by a mediation agreement signed by the parties and sealed by the office. */
    MEDIATED,
    /** Decided (裁决书, art. 31): publication, the period to sue and enforcement follow as records. */
    DECIDED,
    /** Not docketed (不予立案), with reasons: the request failed acceptance review or was not corrected. */
    NOT_DOCKETED,
    /** Transferred (移送) to the competent office, which takes it up as a new request there. */
    TRANSFERRED,
    /** Withdrawn (撤回) by the requester before a decision. */
    WITHDRAWN;

    private static final Map<CaseStatus, Set<CaseStatus>> ALLOWED = Map.of(
            SUBMITTED, EnumSet.of(CORRECTION_REQUESTED, DOCKETED, NOT_DOCKETED, TRANSFERRED, WITHDRAWN),
            CORRECTION_REQUESTED, EnumSet.of(SUBMITTED, NOT_DOCKETED, WITHDRAWN),
            DOCKETED, EnumSet.of(SUSPENDED, IN_MEDIATION, DECIDED, TRANSFERRED, WITHDRAWN),
            SUSPENDED, EnumSet.of(DOCKETED, WITHDRAWN),
            IN_MEDIATION, EnumSet.of(MEDIATED, DOCKETED, WITHDRAWN),
            MEDIATED, EnumSet.noneOf(CaseStatus.class),
            DECIDED, EnumSet.noneOf(CaseStatus.class),
            NOT_DOCKETED, EnumSet.noneOf(CaseStatus.class),
            TRANSFERRED, EnumSet.noneOf(CaseStatus.class),
            WITHDRAWN, EnumSet.noneOf(CaseStatus.class));

    /** The status after a move, or {@link IllegalTransition} when the procedure does not allow it. */
    CaseStatus moveTo(CaseStatus next) {
        if (!ALLOWED.get(this).contains(next)) {
            throw new IllegalTransition(this, next);
        }
        return next;
    }

    boolean canMoveTo(CaseStatus next) {
        return ALLOWED.get(this).contains(next);
    }

    /** Nothing more happens to the case in this office. */
    public boolean isClosed() {
        return ALLOWED.get(this).isEmpty();
    }

    /** Message code (adjudication bundle) of the status's name. */
    public String messageCode() {
        return "adjudication.status." + name();
    }
}
