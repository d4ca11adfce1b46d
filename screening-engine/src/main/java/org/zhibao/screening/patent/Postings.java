package org.zhibao.screening.patent;

import java.util.List;

/** Inverted index (compressed rows) from each rare shingle id to the applications holding it, in order. */
final class Postings {

    private final int[] start;
    private final int[] docs;

    private Postings(int[] start, int[] docs) {
        this.start = start;
        this.docs = docs;
    }

    static Postings of(List<int[]> shingles, Weights w, int maxDf) {
        int[] start = new int[w.distinct() + 1];
        for (int[] s : shingles) {
            for (int id : s) {
                if (rare(w, id, maxDf)) {
                    start[id + 1]++;
                }
            }
        }
        for (int i = 0; i < w.distinct(); i++) {
            start[i + 1] += start[i];
        }
        int[] fill = new int[w.distinct()];
        int[] docs = new int[start[w.distinct()]];
        for (int d = 0; d < shingles.size(); d++) {
            for (int id : shingles.get(d)) {
                if (rare(w, id, maxDf)) {
                    docs[start[id] + fill[id]++] = d;
                }
            }
        }
        return new Postings(start, docs);
    }

    private static boolean rare(Weights w, int id, int maxDf) {
        int df = w.df(id);
        return df >= 2 && df <= maxDf;
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
