package org.zhibao.screening;

import java.util.Arrays;

/**
 * Character shingles (k-grams) of content text, hashed to 32 bits. Only hashes whose low bits are zero are
 * kept ("0 mod 2^b" sampling): a consistent sample, so two texts sharing a passage share the same sampled
 * shingles of it, and set similarities estimated on the samples are unbiased.
 */
public final class Shingler {

    private final int width;
    private final int sampleMask;

    /** @param width characters per shingle; @param sampleBits keep one shingle in 2^sampleBits */
    public Shingler(int width, int sampleBits) {
        if (width < 1 || width > 4) {
            throw new IllegalArgumentException("width must be 1..4");
        }
        this.width = width;
        this.sampleMask = (1 << sampleBits) - 1;
    }

    /** The engine's setting: 3-character shingles (robust to two-character synonym swaps), one in four kept. */
    public static Shingler standard() {
        return new Shingler(3, 2);
    }

    public int width() {
        return width;
    }

    /** Sorted distinct sampled shingle hashes of a content text. */
    public int[] shingles(CharSequence content) {
        return shingles(content, new int[0]);
    }

    /**
     * Sorted distinct sampled shingle hashes of a content text cut into clauses: no shingle spans the start of a
     * clause. {@code clauseStarts} are content positions, ascending. A shingle that joins the end of one clause
     * to the start of the next belongs to neither; it changes whenever clauses are reordered, dropped or
     * inserted (the commonest copy-and-tweak edits) and would count as novel content of the copy.
     */
    public int[] shingles(CharSequence content, int[] clauseStarts) {
        int n = content.length() - width + 1;
        if (n <= 0) {
            return new int[0];
        }
        int[] out = new int[n];
        int count = 0;
        int next = 0; // index of the first clause start after position i
        for (int i = 0; i < n; i++) {
            while (next < clauseStarts.length && clauseStarts[next] <= i) {
                next++;
            }
            if (next < clauseStarts.length && clauseStarts[next] < i + width) {
                continue;
            }
            int h = hashAt(content, i);
            if ((h & sampleMask) == 0) {
                out[count++] = h;
            }
        }
        Arrays.sort(out, 0, count);
        int distinct = 0;
        for (int i = 0; i < count; i++) {
            if (distinct == 0 || out[distinct - 1] != out[i]) {
                out[distinct++] = out[i];
            }
        }
        return Arrays.copyOf(out, distinct);
    }

    /** Hash of the shingle starting at a position of the content. */
    public int hashAt(CharSequence content, int start) {
        long packed = 0;
        for (int j = 0; j < width; j++) {
            packed = (packed << 16) | content.charAt(start + j);
        }
        return mix(packed);
    }

    /** Whether a shingle hash is in the sample. */
    public boolean sampled(int hash) {
        return (hash & sampleMask) == 0;
    }

    static int mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb9fe1a85ec53L;
        x ^= x >>> 33;
        return (int) x;
    }
}
