package org.zhibao.screening.spark;

import static org.zhibao.screening.patent.PatentScreening.RARE_DF;
import static org.zhibao.screening.patent.PatentScreening.SKETCH;

import java.io.Serializable;
import org.zhibao.screening.patent.CombinationCover.Shingles;
import org.zhibao.screening.patent.Postings;

/**
 * One application's weighted shingle vector and what the candidate searches need beside it: the document frequency
 * of each shingle (both the engine's probes and its search of the rest take an application's least frequent
 * shingles). Weights are the engine's: the float ln(N/df).
 *
 * @param vector the weighted shingles, keys the shingle hashes in ascending order
 * @param dfs    the document frequency of each key
 */
record Weighted(Shingles vector, int[] dfs) implements Serializable {

    /** From packed (hash, df) postings, sorted: hash in the high 32 bits, df in the low. */
    static Weighted of(long id, long[] packed, long n) {
        int[] hashes = new int[packed.length];
        int[] dfs = new int[packed.length];
        float[] weights = new float[packed.length];
        double total = 0;
        for (int i = 0; i < packed.length; i++) {
            hashes[i] = (int) (packed[i] >> 32);
            dfs[i] = (int) packed[i];
            weights[i] = (float) Math.max(0, Math.log((double) n / dfs[i]));
            total += weights[i];
        }
        return new Weighted(new Shingles(id, hashes, weights, total), dfs);
    }

    long id() {
        return vector.id();
    }

    /**
     * The shingle hashes it probes with, by the engine's own choice ({@link Postings#probes}): its rare shingles
     * or, when it has fewer than {@code SKETCH}, its {@code SKETCH} least frequent ones.
     */
    int[] probeHashes() {
        return Postings.probes(vector.keys(), dfs, RARE_DF, SKETCH);
    }
}
