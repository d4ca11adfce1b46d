package org.zhibao.screening.patent;

/**
 * The P1 pair decisions, shared by the engine and the Spark job: which verified candidate pairs are kept, and which
 * are near-duplicates (明显相同). Measures are on IDF-weighted shingle sets: {@code aCoveredByB} is the share of
 * a's weighted content that b holds.
 */
public final class DuplicateDecision {

    /**
     * Obviously identical: each of the two shares about half of its weighted (distinctive) content with the other,
     * at least 0.45 as measured. The measure is taken on a sample of the shingles (about 50 an application), so a
     * copy that shares half of itself measures 0.5 ± 0.07; with a cut at 0.5 exactly, heavily edited copies were
     * missed one way (e.g. 0.72 / 0.45: every word of the copy swapped for a synonym and a sentence added). At 0.45
     * recall rose at every size and precision did not fall (seed 7: 20,000 0.983/0.997 → 0.987/1.000, 300,000
     * 0.986/0.980 → 0.987/0.987, 1,000,000 0.984/0.976 → 0.984/0.983; seed 11 with heavier edits 0.970/0.970 →
     * 0.977/0.983): filings of one field share far less of their distinctive content. Pairs between a combination
     * and its sources need {@link #COMBINED_CONTAINMENT} instead, since the rest of a combination is explained by
     * its other sources, not by edits.
     */
    public static final double CONTAINMENT = 0.45;
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
