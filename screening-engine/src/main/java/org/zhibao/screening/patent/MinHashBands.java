package org.zhibao.screening.patent;

/**
 * Banded weighted MinHash: a candidate source for near-duplicates that needs no rare shingle.
 *
 * <p>In a large corpus of one technical field every phrase recurs hundreds of times, so a copy of a template-made
 * filing may share no shingle that only a few applications hold, and probing with frequent shingles costs a
 * pass over long posting lists. Here each application draws {@link #BANDS} × {@link #ROWS} samples from its
 * shingle set by exponential races: for sample j, shingle x runs in time E_j(x) / w(x), with E_j(x) = −ln u_j(x)
 * an exponential variate from a hash of (x, j) and w(x) its weight ln(N / ({@link #COMMON} · df)); the winner is
 * the sample. Two applications draw the same winner with probability equal to their weighted Jaccard similarity
 * Σ_{A∩B} w / Σ_{A∪B} w; boilerplate and the field's everyday phrases take no part. A band is {@link #ROWS}
 * samples: two applications collide in a band with probability p = J^ROWS (AND-amplification, which Spark MLlib's
 * MinHashLSH lacks: it bands one hash per band, so unrelated filings sharing one common phrase collide), and a
 * pair is a candidate when it collides in at least {@link #HITS} of the bands: with probability
 * 1 − (1 − p)^BANDS − BANDS·p·(1 − p)^(BANDS − 1), 0.995 at J = 1/3 (two filings each covering half of the
 * other), 0.975 at J = 0.29 (each covering 45 % of the other), 0.95 at J = 0.27 (a source giving 40 % of a
 * combination), 0.92 at J = 0.25 (the least similarity of a duplicate since {@link DuplicateDecision#CONTAINMENT}
 * is 0.40; the sketch probes propose such pairs too), 0.73 at J = 0.2 and 0.01 at J = 0.05.
 *
 * <p>Before, a band was three samples and one collision made a candidate: 0.91 at J = 1/3 but 0.72 at J = 0.27,
 * so that at 1,000,000 filings (where the sketch probes of most applications are the field's phrases and only the
 * bands find sources) a combination's source was often never proposed. Two rows counted at two hits propose as
 * few unrelated pairs (0.011 at J = 0.05 against 0.008) and need a third fewer races; the pairs that collide once
 * only are many (234 million at 1,000,000) and are counted, never held (see {@code PatentScreening}).
 *
 * <p>The races use the shingle hashes (not an engine's internal ids) and float weights, so that the engine and the
 * Spark job compute the same keys. A key is 32 bits: sorted with the application's index in the low bits of a long.
 */
public final class MinHashBands {

    /** Bands per application. */
    public static final int BANDS = 64;
    /** Samples per band (AND-amplification). */
    public static final int ROWS = 2;
    /** Bands two applications must collide in to be a candidate pair. */
    public static final int HITS = 2;
    /** Samples (races) per application. */
    static final int SAMPLES = BANDS * ROWS;
    /**
     * In a bucket (applications with the same key) each is paired with the next {@code WINDOW} in input order:
     * a bucket of thousands (a mass-copied filing) costs linear work and still links its members in a chain.
     */
    public static final int WINDOW = 32;

    private MinHashBands() {
    }

    /**
     * The {@link #BANDS} band keys of a weighted shingle set ({@code hashes} with their IDF {@code weights}
     * ln(N/df), any order; shingles of weight ln {@link #COMMON} or less take no part), or an empty array when no
     * shingle races.
     */
    public static int[] keys(int[] hashes, float[] weights) {
        return keys(hashes, weights, hashes.length);
    }

    /** As {@link #keys(int[], float[])} over the first {@code length} entries. */
    public static int[] keys(int[] hashes, float[] weights, int length) {
        long[] winners = new long[SAMPLES];
        if (!sample(hashes, weights, length, winners)) {
            return new int[0];
        }
        return keys(winners);
    }

    /** The band keys of the race winners. */
    static int[] keys(long[] winners) {
        int[] out = new int[BANDS];
        for (int band = 0; band < BANDS; band++) {
            long key = band;
            for (int row = 0; row < ROWS; row++) {
                key = mix(key * 0x9E3779B97F4A7C15L + winners[band * ROWS + row]);
            }
            out[band] = (int) (key >>> 32);
        }
        return out;
    }

    /**
     * Runs the {@link #SAMPLES} races at once and writes each winner's hash (unsigned); false if nothing weighs.
     *
     * <p>Instead of drawing one variate per shingle and race, each shingle draws its variates in increasing order
     * (the order statistics of {@link #SAMPLES} unit exponentials: gaps Exp(1)/(SAMPLES − i)) and deals them to the
     * races in a random order (Fisher–Yates), from a generator seeded by its hash alone; it stops as soon as its
     * next time exceeds the slowest race's current best, which no later variate can improve (Ertl's ProbMinHash).
     * The distribution is that of independent races; the work is a few variates per shingle instead of
     * {@link #SAMPLES}.
     *
     * <p>Until every race has a time, the slowest race's best is infinite and the first shingles deal nearly all
     * their variates. So the races run first under a limit of {@link #FIRST_LIMIT} / W (W the total race weight):
     * each race's best is an exponential of rate W, so all {@link #SAMPLES} finish under it but for a chance of
     * at most SAMPLES·e^−8 (about one in twenty-three), and then no variate beyond the limit could have won: the
     * winners are exactly those of unlimited races. Otherwise the races are run again without a limit. This saves
     * about an eighth of the work and changes no winner.
     */
    static boolean sample(int[] hashes, float[] weights, int length, long[] winners) {
        double[] best = new double[SAMPLES];
        java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(winners, -1);
        // heaviest shingles first: they win most races, so the slowest race's best time drops early
        long[] byWeight = new long[length];
        int m = 0;
        for (int e = 0; e < length; e++) {
            float w = raceWeight(weights[e]);
            if (w > 0) {
                byWeight[m++] = ((long) Float.floatToIntBits(w) << 32) | (hashes[e] & 0xffffffffL);
            }
        }
        if (m == 0) {
            return false;
        }
        java.util.Arrays.sort(byWeight, 0, m);
        double total = 0;
        for (int e = 0; e < m; e++) {
            total += Float.intBitsToFloat((int) (byWeight[e] >>> 32));
        }
        if (!race(byWeight, m, best, winners, FIRST_LIMIT / total)) {
            java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(winners, -1);
            race(byWeight, m, best, winners, Double.POSITIVE_INFINITY);
        }
        return true;
    }

    /**
     * The races over {@code byWeight} (race weight in the high bits, hash in the low; sorted, run heaviest first),
     * no time beyond {@code limit} dealt; whether every race finished.
     */
    static boolean race(long[] byWeight, int m, double[] best, long[] winners, double limit) {
        int[] order = new int[SAMPLES];
        int[] stamp = new int[SAMPLES];
        int unfilled = SAMPLES;
        double worst = limit;
        boolean finished = false;
        for (int e = m - 1; e >= 0; e--) {
            float w = Float.intBitsToFloat((int) (byWeight[e] >>> 32));
            long h = byWeight[e] & 0xffffffffL;
            long state = mix(h * 0xD1B54A32D192ED03L + 0x2545F4914F6CDD1DL);
            int version = e + 1;
            double t = 0;
            for (int i = 0; i < SAMPLES; i++) {
                state += 0x9E3779B97F4A7C15L;
                long r = mix(state);
                // the high 40 bits make the uniform variate, the low 24 the Fisher–Yates pick
                t += -ln(((r >>> 24) + 0.5) * 0x1.0p-40) * INVERSE[i];
                double time = t / w;
                if (time > worst) {
                    break;
                }
                // Fisher–Yates step over 0..SAMPLES-1, the permutation reset lazily per shingle by a stamp
                int pick = i + (int) (((r & 0xFFFFFF) * (SAMPLES - i)) >>> 24);
                int atPick = stamp[pick] == version ? order[pick] : pick;
                int atI = stamp[i] == version ? order[i] : i;
                order[pick] = atI;
                stamp[pick] = version;
                order[i] = atPick;
                stamp[i] = version;
                int j = atPick;
                if (time < best[j] || (time == best[j] && h < winners[j])) {
                    boolean wasWorst = best[j] == worst;
                    if (best[j] == Double.POSITIVE_INFINITY) {
                        unfilled--;
                    }
                    best[j] = time;
                    winners[j] = h;
                    if (unfilled == 0 && (wasWorst || !finished)) {
                        finished = true;
                        worst = 0;
                        for (double b : best) {
                            worst = Math.max(worst, b);
                        }
                    }
                }
            }
        }
        return unfilled == 0;
    }

    /** The first races' limit times the total race weight (see {@link #sample}). */
    private static final double FIRST_LIMIT = 8;

    /**
     * A shingle held by more than one application in this many is the field's vocabulary: it draws no sample, and
     * the others race with the weight ln(N / (COMMON · df)). Without this, unrelated filings that share a few
     * everyday phrases of weight about 1 collide (a phrase whose variate for a race is small wins that race in
     * every filing holding it); with it, the band pairs fell from 50 to 14 million at 1,000,000 filings (3.4 times
     * fewer at 100,000 at the same recall). Weights squared instead gave about the same.
     */
    public static final int COMMON = 20;
    private static final float LN_COMMON = (float) Math.log(COMMON);

    /** The race weight of a shingle of IDF weight ln(N/df). */
    static float raceWeight(float idf) {
        return idf - LN_COMMON;
    }

    private static final double[] INVERSE = new double[SAMPLES];

    static {
        for (int i = 0; i < SAMPLES; i++) {
            INVERSE[i] = 1.0 / (SAMPLES - i);
        }
    }

    private static final double LN2 = Math.log(2);
    private static final int LN_TABLE_BITS = 10;
    private static final double[] LN_AT = new double[(1 << LN_TABLE_BITS) + 1];
    private static final double[] INVERSE_AT = new double[(1 << LN_TABLE_BITS) + 1];

    static {
        for (int i = 0; i <= 1 << LN_TABLE_BITS; i++) {
            double m = 1 + (double) i / (1 << LN_TABLE_BITS);
            LN_AT[i] = Math.log(m);
            INVERSE_AT[i] = 1 / m;
        }
    }

    /**
     * Natural logarithm of u in (0, 1] to about 1e-6: the exponent, a table of ln at 1,024 points of the mantissa and
     * the first-order step from the nearest one. The races need a consistent unit exponential, not the last
     * digit, and this is the hot loop (no division).
     */
    static double ln(double u) {
        long bits = Double.doubleToRawLongBits(u);
        int exponent = (int) ((bits >>> 52) & 0x7ff) - 1023;
        int i = (int) ((bits >>> (52 - LN_TABLE_BITS)) & ((1 << LN_TABLE_BITS) - 1));
        double m = Double.longBitsToDouble((bits & 0xFFFFFFFFFFFFFL) | 0x3FF0000000000000L);
        double at = 1 + (double) i / (1 << LN_TABLE_BITS);
        double step = (m - at) * INVERSE_AT[i];
        return exponent * LN2 + LN_AT[i] + step - step * step * 0.5;
    }

    static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb9fe1a85ec53L;
        x ^= x >>> 33;
        return x;
    }
}
