package org.zhibao.screening.patent;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The P1_COMBINATION decision (简单组合): whether an application is explained by two or more others, and which
 * source covers which share. Used by the engine and, on its executors, by the Spark job.
 *
 * <p>Greedy cover on IDF-weighted shingle sets: repeatedly take the source that supplies the most weight of the
 * target not yet covered, among those that qualify. A source qualifies when its contribution is a substantial
 * part of one of the two: at least {@link #SOURCE_SHARE} of the target, or at least {@link #MINOR_SOURCE_SHARE}
 * of the target that is also at least {@link #MINOR_SOURCE_OWN_SHARE} of the source's own content (the minor
 * source of a three-way combination gives a small part of the target but a large part of itself; a filing that
 * merely shares some phrases of the field gives a small part of both). The sources together must cover at least
 * {@link #COVERAGE}: nothing much of its own is left. One source that alone covers {@link #COVERAGE} makes a copy,
 * not a combination. Sources of one work count once: a source of which a chosen one holds at least half, or
 * which holds half of a chosen one, is the same work.
 */
public final class CombinationCover {

    /** A source supplying this share of the target qualifies. */
    public static final double SOURCE_SHARE = 0.2;
    /** A minor source must supply at least this share of the target ... */
    public static final double MINOR_SOURCE_SHARE = 0.1;
    /** ... which must be at least this share of the source's own weighted content. */
    public static final double MINOR_SOURCE_OWN_SHARE = 0.25;
    /** The sources together must supply at least this share of the target. */
    public static final double COVERAGE = 0.8;
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
                if (keys[i] < o.keys[j]) {
                    i++;
                } else if (keys[i] > o.keys[j]) {
                    j++;
                } else {
                    sum += weights[i];
                    i++;
                    j++;
                }
            }
            return sum;
        }

        /** Weight of this target's keys not yet covered that the source has; marks them when asked. */
        public double walk(boolean[] covered, Shingles source, boolean mark) {
            int i = 0;
            int j = 0;
            double sum = 0;
            while (i < keys.length && j < source.keys.length) {
                if (keys[i] < source.keys[j]) {
                    i++;
                } else if (keys[i] > source.keys[j]) {
                    j++;
                } else {
                    if (!covered[i]) {
                        sum += weights[i];
                        if (mark) {
                            covered[i] = true;
                        }
                    }
                    i++;
                    j++;
                }
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
            if (chosen.isEmpty() && bestGain >= COVERAGE * total) {
                return null; // one source explains it alone: a copy, not a combination
            }
            target.walk(covered, best, true);
            coveredWeight += bestGain;
            chosen.add(best);
            shares.add(bestGain / total);
        }
        if (chosen.size() < 2 || coveredWeight < COVERAGE * total) {
            return null;
        }
        return new Cover(target.id(), chosen.stream().mapToLong(Shingles::id).toArray(),
                shares.stream().mapToDouble(Double::doubleValue).toArray(), coveredWeight / total);
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
