package org.zhibao.screening.patent;

/**
 * The P1 pair decisions, shared by the engine and the Spark job: which verified candidate pairs are kept, and which
 * are near-duplicates (明显相同). Measures are on IDF-weighted shingle sets: {@code aCoveredByB} is the share of
 * a's weighted content that b holds.
 */
public final class DuplicateDecision {

    /**
     * Obviously identical: each of the two shares a large part of its weighted (distinctive) content with the
     * other, at least 0.40 as measured (first 0.5, then 0.45, now 0.40, below). The measure is taken on a sample
     * of the shingles (about 50 an application), so a copy that shares half of itself measures 0.5 ± 0.07; with a
     * cut at 0.5 exactly, heavily edited copies were
     * missed one way (e.g. 0.72 / 0.45: every word of the copy swapped for a synonym and a sentence added). At 0.45
     * recall rose at every size and precision did not fall (seed 7: 20,000 0.983/0.997 → 0.987/1.000, 300,000
     * 0.986/0.980 → 0.987/0.987, 1,000,000 0.984/0.976 → 0.984/0.983; seed 11 with heavier edits 0.970/0.970 →
     * 0.977/0.983): filings of one field share far less of their distinctive content. Pairs between a combination
     * and its sources need {@link #COMBINED_CONTAINMENT} instead, since the rest of a combination is explained by
     * its other sources, not by edits.
     *
     * <p>Then 0.40: with heavier edits than the generator's default (every word that has a synonym swapped,
     * sentences reordered and a sixth dropped: {@code --edit-strength 0.7}) the copies measured 0.33-0.45 each way,
     * and a group lost one member or a pair was missed whole (20,000, seed 19: 0.907/0.878 at 0.45, 0.960/0.957 at
     * 0.40; edits 0.55: 0.990/0.977 → 0.993/0.997). Unrelated filings of one field stay far below (200,000 random
     * pairs there: 99.99 % under 0.15). What the lower cut adds at the default edits is a combination that was not
     * recognised as one, reported as a copy of its main source, which gives it 40-65 % each way: precision 0.987 →
     * 0.983 at 20,000, 0.987 → 0.983 at 300,000, 0.984 → 0.979 at 1,000,000 (seed 11 at 300,000: 0.988 → 0.981),
     * recall the same or higher. The worst of these corpora: min(P, R) 0.878 at 0.45, 0.957 at 0.40.
     */
    public static final double CONTAINMENT = 0.40;
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
