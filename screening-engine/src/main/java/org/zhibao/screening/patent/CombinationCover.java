package org.zhibao.screening.patent;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The P1_COMBINATION decision (简单组合): whether an application is explained by two or more others, and which
 * source covers which share. Used by the engine and, on its executors, by the Spark job.
 *
 * <p>Greedy cover on IDF-weighted shingle sets: repeatedly take the source that supplies the most weight of the
 * target not yet covered, among those that qualify. A source qualifies when its contribution is a substantial
 * part of one of the two: at least {@link #SOURCE_SHARE} of the target, or at least {@link #MINOR_SOURCE_SHARE}
 * of the target that is also at least {@link #MINOR_SOURCE_OWN_SHARE} of the source's own content (the minor
 * source of a three-way combination gives a small part of the target but a large part of itself; a filing that
 * merely shares some phrases of the field gives a small part of both). Sources of one work count once: a source of
 * which a chosen one holds at least half, or which holds half of a chosen one, is the same work.
 *
 * <p>The sources together must cover at least {@link #COVERAGE} of the target. Not more: every edit of a copied
 * passage (a synonym swapped, a number changed) replaces its shingles with ones no other filing has, which weigh
 * the most, so that a combination of lightly edited passages is covered 70-80 % by its true sources. What keeps
 * filings of one field apart from combinations is the next test: what the sources give must be parts of them, not
 * phrases they share with every filing of their field, so the sources' own shares given, averaged over what each
 * supplies, must reach {@link #SOURCES_OWN_SHARE}. A filing that one source covers almost entirely is still a
 * combination when another source qualifies for the rest (a copy with a part of another added).
 *
 * <p>Two filings can each look like a source of the other: the source of a combination shares half of itself
 * with the combination, and another combination may hold its other half. A filing cannot be combined from its own
 * combination: of two such covers, the one that explains its target better stands and the other target is decided
 * again without it ({@link #mutualExclusions}).
 */
public final class CombinationCover {

    /** A source supplying this share of the target qualifies. */
    public static final double SOURCE_SHARE = 0.2;
    /** A minor source must supply at least this share of the target ... */
    public static final double MINOR_SOURCE_SHARE = 0.1;
    /** ... which must be at least this share of the source's own weighted content. */
    public static final double MINOR_SOURCE_OWN_SHARE = 0.25;
    /** The sources together must supply at least this share of the target. */
    public static final double COVERAGE = 0.7;
    /** The sources must give, on average weighted by what each supplies, at least this share of their own content. */
    public static final double SOURCES_OWN_SHARE = 0.25;
    /** Two sources are one work when one holds at least this share of the other. */
    public static final double SAME_WORK = 0.5;

    private CombinationCover() {
    }

    /**
     * An application's weighted shingle set: ascending keys (shingle ids or hashes, the same kind for every set
     * compared), their weights, and the weights' sum.
     */
    public record Shingles(long id, int[] keys, float[] weights, double total) implements Serializable {

        public double intersection(Shingles o) {
            int i = 0;
            int j = 0;
            double sum = 0;
            while (i < keys.length && j < o.keys.length) {
                int x = keys[i];
                int y = o.keys[j];
                if (x == y) {
                    sum += weights[i];
                }
                // branch-free steps (see Weights.intersection)
                i += x <= y ? 1 : 0;
                j += x >= y ? 1 : 0;
            }
            return sum;
        }

        /** Weight of this target's keys not yet covered that the source has; marks them when asked. */
        public double walk(boolean[] covered, Shingles source, boolean mark) {
            int i = 0;
            int j = 0;
            double sum = 0;
            while (i < keys.length && j < source.keys.length) {
                int x = keys[i];
                int y = source.keys[j];
                if (x == y && !covered[i]) {
                    sum += weights[i];
                    if (mark) {
                        covered[i] = true;
                    }
                }
                i += x <= y ? 1 : 0;
                j += x >= y ? 1 : 0;
            }
            return sum;
        }
    }

    /** A combined application, its sources in the order chosen, the share each supplies, and the total coverage. */
    public record Cover(long target, long[] sources, double[] shares, double coverage) implements Serializable {
    }

    /** Whether a pair is a candidate source relation: the source covers enough of the target to be considered. */
    public static boolean mayBeSource(double targetCoveredBySource) {
        return targetCoveredBySource >= MINOR_SOURCE_SHARE;
    }

    /**
     * The cover of a target by its candidate sources, or null when it is no combination. Options are tried in the
     * order given (ties go to the first).
     */
    public static Cover of(Shingles target, List<Shingles> options) {
        double total = target.total();
        if (total <= 0 || options.size() < 2) {
            return null;
        }
        boolean[] covered = new boolean[target.keys().length];
        List<Shingles> chosen = new ArrayList<>();
        List<Double> shares = new ArrayList<>();
        double coveredWeight = 0;
        while (true) {
            Shingles best = null;
            double bestGain = 0;
            for (Shingles s : options) {
                if (chosen.contains(s) || sameWorkAsChosen(s, chosen)) {
                    continue;
                }
                double gain = target.walk(covered, s, false);
                if (gain > bestGain && qualifies(gain, total, s.total())) {
                    bestGain = gain;
                    best = s;
                }
            }
            if (best == null) {
                break;
            }
            target.walk(covered, best, true);
            coveredWeight += bestGain;
            chosen.add(best);
            shares.add(bestGain / total);
        }
        if (chosen.size() < 2 || coveredWeight < COVERAGE * total) {
            return null;
        }
        double ownGiven = 0;
        for (int k = 0; k < chosen.size(); k++) {
            Shingles source = chosen.get(k);
            ownGiven += shares.get(k) * (source.total() > 0 ? target.intersection(source) / source.total() : 0);
        }
        if (ownGiven < SOURCES_OWN_SHARE * (coveredWeight / total)) {
            return null; // phrases the sources share with their field, not parts of them
        }
        return new Cover(target.id(), chosen.stream().mapToLong(Shingles::id).toArray(),
                shares.stream().mapToDouble(Double::doubleValue).toArray(), coveredWeight / total);
    }

    /**
     * Which covers a mutual cover beats, and what their targets must be covered without: when a target's source
     * is itself covered with the target among its sources, the better explained of the two (higher coverage; on a
     * tie the earlier target) keeps its cover, and the other is decided again without that source (a filing is not
     * combined from its own combination). Two combinations that took the same part of one source each look like
     * the other's source; decided again, the weaker finds the original source instead. A source that two of its
     * combinations seem to cover has no cover left.
     */
    public static Map<Long, Set<Long>> mutualExclusions(List<Cover> covers) {
        Map<Long, Cover> byTarget = new HashMap<>();
        for (Cover c : covers) {
            byTarget.put(c.target(), c);
        }
        Map<Long, Set<Long>> out = new HashMap<>();
        for (Cover c : covers) {
            for (long s : c.sources()) {
                Cover other = byTarget.get(s);
                if (other != null && contains(other.sources(), c.target()) && (other.coverage() > c.coverage()
                        || (other.coverage() == c.coverage() && other.target() < c.target()))) {
                    out.computeIfAbsent(c.target(), k -> new HashSet<>()).add(s);
                }
            }
        }
        return out;
    }

    /** The cover of a target by its options but those excluded (see {@link #mutualExclusions}). */
    public static Cover of(Shingles target, List<Shingles> options, Set<Long> excluded) {
        List<Shingles> kept = new ArrayList<>(options.size());
        for (Shingles o : options) {
            if (!excluded.contains(o.id())) {
                kept.add(o);
            }
        }
        return of(target, kept);
    }

    /**
     * The final covers: those no mutual cover beat, and the beaten ones decided again ({@code decidedAgain}, null
     * entries or missing targets for those that are no combination then), in the order of {@code covers}.
     */
    public static List<Cover> resolved(List<Cover> covers, Map<Long, Set<Long>> exclusions, Map<Long, Cover> decidedAgain) {
        List<Cover> out = new ArrayList<>(covers.size());
        for (Cover c : covers) {
            Cover kept = exclusions.containsKey(c.target()) ? decidedAgain.get(c.target()) : c;
            if (kept != null) {
                out.add(kept);
            }
        }
        return out;
    }

    private static boolean contains(long[] values, long value) {
        for (long v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    static boolean qualifies(double gain, double targetTotal, double sourceTotal) {
        return gain >= SOURCE_SHARE * targetTotal
                || (gain >= MINOR_SOURCE_SHARE * targetTotal && gain >= MINOR_SOURCE_OWN_SHARE * sourceTotal);
    }

    private static boolean sameWorkAsChosen(Shingles s, List<Shingles> chosen) {
        for (Shingles other : chosen) {
            double inter = s.intersection(other);
            if (inter >= SAME_WORK * s.total() || inter >= SAME_WORK * other.total()) {
                return true;
            }
        }
        return false;
    }
}
