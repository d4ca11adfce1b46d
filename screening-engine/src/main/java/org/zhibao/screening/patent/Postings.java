package org.zhibao.screening.patent;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Inverted index (compressed rows) from a shingle id to the applications that probe with it, in order.
 *
 * <p>An application probes with its rare shingles (document frequency 2..{@code maxDf}) and, whatever their
 * frequency, with its {@code sketch} least frequent shingles. The rare shingles alone served small corpora;
 * in a large corpus of one field every phrase recurs beyond any fixed frequency, and a copy of a template-made
 * filing could share no rare shingle with its original. Its least frequent shingles are still the ones only it
 * and its copies (or the application combined from it) hold. A shingle that more than {@code maxPosting}
 * applications probe with is distinctive of none of them and proposes nothing, which bounds the work per
 * application whatever the corpus size.
 *
 * <p>Public only for {@link #probes(int[], int[], int, int)}: the Spark job chooses each application's probes with
 * it, so that both run the same candidate search (the index itself stays the engine's).
 */
public final class Postings {

    private final int[] start;
    private final int[] docs;
    private final int[][] probes;
    /** How many probes each application has: one dense load where the array's length is a load of its header. */
    private final int[] probeCounts;

    private Postings(int[] start, int[] docs, int[][] probes) {
        this.start = start;
        this.docs = docs;
        this.probes = probes;
        this.probeCounts = Arrays.stream(probes).mapToInt(p -> p.length).toArray();
    }

    static Postings of(List<int[]> shingles, Weights w, int maxDf) {
        return of(shingles, w, maxDf, 0, Integer.MAX_VALUE);
    }

    static Postings of(List<int[]> shingles, Weights w, int maxDf, int sketch, int maxPosting) {
        int n = shingles.size();
        int[][] probes = new int[n][];
        IntStream.range(0, n).parallel().forEach(d -> {
            int[] ids = shingles.get(d);
            probes[d] = probes(ids, dfs(ids, w), maxDf, sketch);
        });
        int distinct = w.distinct();
        int[] count = new int[distinct];
        for (int[] p : probes) {
            for (int id : p) {
                count[id]++;
            }
        }
        int[] start = new int[distinct + 1];
        for (int i = 0; i < distinct; i++) {
            start[i + 1] = start[i] + (count[i] <= maxPosting ? count[i] : 0);
        }
        int[] fill = new int[distinct];
        int[] docs = new int[start[distinct]];
        for (int d = 0; d < n; d++) {
            int kept = 0;
            int[] p = probes[d];
            for (int id : p) {
                if (count[id] <= maxPosting) {
                    docs[start[id] + fill[id]++] = d;
                    p[kept++] = id;
                }
            }
            probes[d] = kept == p.length ? p : Arrays.copyOf(p, kept);
        }
        return new Postings(start, docs, probes);
    }

    private static int[] dfs(int[] ids, Weights w) {
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = w.df(ids[i]);
        }
        return out;
    }

    /**
     * The shingles one application probes with: its rare ones (document frequency 2..{@code maxDf}) or, when it has
     * fewer than {@code sketch} of them, its {@code sketch} least frequent ones of document frequency 2 or more,
     * ordered by (df, key); answered in ascending key order.
     *
     * @param keys the application's shingle keys, distinct and ascending (the engine's dense ids; the Spark job's
     *             hashes, so that there a tie of document frequency at the sketch's end may fall on another shingle)
     * @param dfs  the document frequency of each key
     */
    public static int[] probes(int[] keys, int[] dfs, int maxDf, int sketch) {
        int rare = 0;
        int repeated = 0;
        for (int df : dfs) {
            if (df >= 2) {
                repeated++;
                if (df <= maxDf) {
                    rare++;
                }
            }
        }
        if (rare >= Math.min(sketch, repeated)) {
            int[] out = new int[rare];
            int k = 0;
            for (int i = 0; i < keys.length; i++) {
                if (dfs[i] >= 2 && dfs[i] <= maxDf) {
                    out[k++] = keys[i];
                }
            }
            return out;
        }
        // fewer rare shingles than the sketch: take the least frequent, ordered by (df, key)
        long[] keyed = new long[repeated];
        int k = 0;
        for (int i = 0; i < keys.length; i++) {
            if (dfs[i] >= 2) {
                keyed[k++] = ((long) dfs[i] << 32) | (keys[i] & 0xffffffffL);
            }
        }
        Arrays.sort(keyed);
        int[] out = new int[Math.min(sketch, repeated)];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) keyed[i];
        }
        Arrays.sort(out);
        return out;
    }

    /** The shingle ids an application probes with. */
    int[] probes(int doc) {
        return probes[doc];
    }

    int probeCount(int doc) {
        return probeCounts[doc];
    }

    boolean isRare(int id) {
        return start[id + 1] > start[id];
    }

    /** First posting of the id whose application is at least {@code minDoc}. */
    int from(int id, int minDoc) {
        int lo = start[id];
        int hi = start[id + 1];
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (docs[mid] < minDoc) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    int end(int id) {
        return start[id + 1];
    }

    int doc(int k) {
        return docs[k];
    }
}
