package org.zhibao.screening.patent;

import java.util.Map;

/**
 * The MinHash races of incremental screening under frozen weights, so that a day races its own filings only.
 *
 * <p>A race weighs a shingle ln(N / df) − ln {@link MinHashBands#COMMON}, and N and df move with every day added:
 * band keys raced yesterday are not today's, and racing the whole index again each day was the largest part of a
 * day's work that grew with the index (5 of 16 s for a day of 20,000 against 280,000). So the index keeps the
 * corpus size the weights were frozen at ({@link #frozenAt}), each shingle's document frequency at that time, and
 * every application's band keys. A day's filings race with those weights; a shingle the table does not hold
 * (first seen after the freeze) races with its document frequency on the day it is first seen, and that is
 * recorded, so that a later copy of the filing races it with the same weight (two applications collide in a
 * band with probability equal to their weighted Jaccard similarity only if both race with the same weights).
 *
 * <p>Verification and every decision still use today's weights; only which pairs become candidates depends on
 * the frozen ones. When the corpus has grown past {@link #GROWTH} times the size frozen at (the weights of
 * shingles whose frequency does not grow with the corpus, the unique ones above all, drift by ln of the growth),
 * the whole index is raced again under today's weights and those are frozen: that day equals a whole run.
 */
final class FrozenRaces {

    /** The corpus may grow to this many times the size the weights were frozen at before they are raced again. */
    static final double GROWTH = 1.25;

    /** Files of a generation: its table of shingle frequencies and the band keys of its applications. */
    static String tableFile(int generation) {
        return "races-" + generation + ".bin";
    }

    static String keysFile(int generation) {
        return "bands-" + generation + ".bin";
    }

    /** The ints of one application's entry in the keys file: 1 if it has keys (0 if nothing races), the keys. */
    static final int ENTRY_INTS = 1 + MinHashBands.BANDS;

    final int frozenAt;
    /** The table's records: shingle hash and its document frequency (when frozen, or when first seen after). */
    final int[] hashes;
    final int[] dfs;
    /** The index's applications' band keys ({@link MinHashBands#BANDS} each; let go once copied) and which have keys. */
    private int[] keys;
    final boolean[] keyed;

    FrozenRaces(int frozenAt, int[] hashes, int[] dfs, int[] keys, boolean[] keyed) {
        this.frozenAt = frozenAt;
        this.hashes = hashes;
        this.dfs = dfs;
        this.keys = keys;
        this.keyed = keyed;
    }

    /** Whether a corpus of {@code n} applications races with these weights (else the whole index races again). */
    boolean holdsFor(int n) {
        return n < frozenAt * GROWTH;
    }

    /**
     * What a day writes to the index after it is screened: the table's new records and the keys of the
     * applications from {@code from} on, appended to the index's generation, or (if {@code rewrite}) a new
     * generation written whole, frozen at {@code frozenAt}.
     */
    record Update(boolean rewrite, int frozenAt, int[] hashes, int[] dfs, int[] keys, boolean[] keyed, int from,
                  Map<Integer, int[][]> rests) {
    }

    /**
     * The day's races: sets the weights the races use ({@link Weights#raceWith}) and says which applications'
     * keys are known already ({@link #racedBelow}) and what is written back ({@link #update}).
     */
    static final class Day {
        private final FrozenRaces frozen;
        private final int firstNew;
        private boolean current;
        private int[] newHashes = new int[0];
        private int[] newDfs = new int[0];
        private int[] keys;
        private boolean[] keyed;
        private Update update;
        private final Map<Integer, int[][]> keptRests;
        private Map<Integer, int[][]> searchedRests = Map.of();

        /**
         * {@code frozen} null: an index without frozen races (a new one, or one written before they were kept).
         * {@code keptRests}: the index's applications' last searches for the rest (application → {rest band keys,
         * rest probe hashes}), see {@code PatentScreening.restsTodayMayExplain}.
         */
        Day(FrozenRaces frozen, int firstNew, Map<Integer, int[][]> keptRests) {
            this.frozen = frozen;
            this.firstNew = firstNew;
            this.keptRests = keptRests;
        }

        Map<Integer, int[][]> keptRests() {
            return keptRests;
        }

        /** Today's searches for the rest, written to the index with the day. */
        void searchedRests(Map<Integer, int[][]> rests) {
            this.searchedRests = rests;
        }

        /** Before the races: the weights they use, today's (a new freeze) or the frozen ones. */
        void weigh(Weights w, int n) {
            current = frozen != null && frozen.holdsFor(n) && frozen.keyed.length == firstNew;
            if (!current) {
                return;
            }
            float[] raced = new float[w.distinct()];
            boolean[] known = new boolean[w.distinct()];
            for (int r = 0; r < frozen.hashes.length; r++) {
                int id = w.idOf(frozen.hashes[r]);
                if (id >= 0) {
                    raced[id] = Weights.idf(frozen.frozenAt, frozen.dfs[r]);
                    known[id] = true;
                }
            }
            int fresh = 0;
            for (int id = 0; id < known.length; id++) {
                if (!known[id]) {
                    fresh++;
                }
            }
            newHashes = new int[fresh];
            newDfs = new int[fresh];
            int k = 0;
            for (int id = 0; id < known.length; id++) {
                if (!known[id]) {
                    raced[id] = Weights.idf(frozen.frozenAt, w.df(id));
                    newHashes[k] = w.hash(id);
                    newDfs[k++] = w.df(id);
                }
            }
            w.raceWith(raced);
        }

        /** Applications below this have their keys from the index (copied by {@link #knownKeys}); the rest race. */
        int racedBelow() {
            return current ? firstNew : 0;
        }

        /** Copies the index's keys into a corpus-wide array. */
        void knownKeys(int[] into, boolean[] keyedInto) {
            if (current) {
                System.arraycopy(frozen.keys, 0, into, 0, firstNew * MinHashBands.BANDS);
                System.arraycopy(frozen.keyed, 0, keyedInto, 0, firstNew);
                frozen.keys = null;
            }
        }

        /** After the races: the corpus's keys, kept to be written. */
        void raced(int[] allKeys, boolean[] allKeyed) {
            this.keys = allKeys;
            this.keyed = allKeyed;
        }

        /** After the day is screened: what the index writes, the day appended or a new generation of everything. */
        void conclude(Weights w, int n) {
            if (current) {
                update = new Update(false, frozen.frozenAt, newHashes, newDfs, keys, keyed, firstNew, searchedRests);
                return;
            }
            int[] hashes = new int[w.distinct()];
            int[] dfs = new int[w.distinct()];
            for (int id = 0; id < hashes.length; id++) {
                hashes[id] = w.hash(id);
                dfs[id] = w.df(id);
            }
            update = new Update(true, n, hashes, dfs, keys, keyed, 0, searchedRests);
        }

        /** What {@link #conclude} decided to write. */
        Update update() {
            return update;
        }
    }
}
