package org.zhibao.screening.patent;

/**
 * The P1 pair decisions, shared by the engine and the Spark job: which verified candidate pairs are kept, and which
 * are near-duplicates (明显相同). Measures are on IDF-weighted shingle sets: {@code aCoveredByB} is the share of
 * a's weighted content that b holds.
 */
public final class DuplicateDecision {

    /**
     * Obviously identical: each of the two shares at least half of its weighted (distinctive) content with the
     * other. Pairs between a combination and its sources need {@link #COMBINED_CONTAINMENT} instead, since the
     * rest of a combination is explained by its other sources, not by edits.
     */
    public static final double CONTAINMENT = 0.5;
    /** What each of a pair must share with the other to be duplicates when one of them is a combination. */
    public static final double COMBINED_CONTAINMENT = 0.8;
    /** A verified pair is kept (as a duplicate or a possible source) when one covers this share of the other. */
    public static final double KEEP = CombinationCover.SOURCE_SHARE;

    private DuplicateDecision() {
    }

    /** Whether a candidate pair is worth keeping after verification. */
    public static boolean keep(double aCoveredByB, double bCoveredByA) {
        return aCoveredByB >= KEEP || bCoveredByA >= KEEP;
    }

    /** Whether a kept pair is a duplicate edge; {@code combined}: either end is a combination. */
    public static boolean duplicate(double aCoveredByB, double bCoveredByA, boolean combined) {
        return Math.min(aCoveredByB, bCoveredByA) >= (combined ? COMBINED_CONTAINMENT : CONTAINMENT);
    }
}
