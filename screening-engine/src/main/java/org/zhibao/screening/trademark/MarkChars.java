package org.zhibao.screening.trademark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.zhibao.screening.Hanzi;

/**
 * What marks are compared by, per character, beyond unihan-chars.tsv (mark-chars.tsv, tools/derive_mark_chars.py,
 * Unihan): every modern reading of a polyphonic character (a squatter spells 还原 "huanyuan", not by the first
 * dictionary reading "hai"), total strokes and the phonetic series (Casey's kPhonetic). Tables indexed by the
 * BMP code unit, as in {@link Hanzi}.
 */
final class MarkChars {

    private static final String[][] READINGS = new String[65536][];
    private static final byte[] STROKES = new byte[65536];
    private static final String[][] PHONETIC = new String[65536][];

    static {
        try (var in = MarkChars.class.getResourceAsStream("mark-chars.tsv");
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String[] f = line.split("\t");
                char c = f[0].charAt(0);
                READINGS[c] = f[1].split(",");
                for (int i = 0; i < READINGS[c].length; i++) {
                    READINGS[c][i] = READINGS[c][i].intern();
                }
                if (!f[2].equals("-")) {
                    STROKES[c] = (byte) Math.min(127, Integer.parseInt(f[2]));
                }
                if (!f[3].equals("-")) {
                    PHONETIC[c] = f[3].split(" ");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private MarkChars() {
    }

    /** The modern readings of a Han character, toneless, ü as u; the first is the usual one. Empty if none. */
    static String[] readings(char c) {
        String[] r = READINGS[c];
        if (r == null) {
            r = READINGS[Hanzi.simplified(c)];
        }
        if (r == null) {
            String p = Hanzi.pinyin(c);
            return p == null ? new String[0] : new String[] {p.replace('v', 'u')};
        }
        return r;
    }

    /**
     * Why two different characters look alike, or null: Unihan's own relation ({@link Hanzi#looksAlike}:
     * variants, four-corner code, radical), the same corner shapes along one whole side with stroke counts
     * within 2 (a component kept, the other swapped: 哈/恰 keep 合, 桃/挑 keep 兆), or the same phonetic
     * series with stroke counts within 3 (米/咪, 利/莉).
     */
    static String lookAlike(char a, char b) {
        if (Hanzi.looksAlike(a, b)) {
            return "Unihan variants, four-corner code or radical";
        }
        int sa = STROKES[Hanzi.simplified(a)];
        int sb = STROKES[Hanzi.simplified(b)];
        if (sa <= 0 || sb <= 0) {
            return null;
        }
        int ca = Hanzi.fourCorner(a);
        int cb = Hanzi.fourCorner(b);
        if (ca >= 0 && cb >= 0 && Math.abs(sa - sb) <= 2) {
            int[] x = digits(ca);
            int[] y = digits(cb);
            // corners: 0 upper left, 1 upper right, 2 lower left, 3 lower right
            int[][] sides = {{0, 2}, {1, 3}, {0, 1}, {2, 3}};
            String[] names = {"left", "right", "top", "bottom"};
            for (int s = 0; s < sides.length; s++) {
                if (x[sides[s][0]] == y[sides[s][0]] && x[sides[s][1]] == y[sides[s][1]]) {
                    return "same " + names[s] + " side by four-corner code (" + ca + "/" + cb + "), strokes " + sa + "/" + sb;
                }
            }
        }
        String[] pa = PHONETIC[Hanzi.simplified(a)];
        String[] pb = PHONETIC[Hanzi.simplified(b)];
        if (pa != null && pb != null && Math.abs(sa - sb) <= 3) {
            for (String p : pa) {
                for (String q : pb) {
                    if (p.equals(q)) {
                        return "same phonetic component (Unihan kPhonetic " + p + "), strokes " + sa + "/" + sb;
                    }
                }
            }
        }
        return null;
    }

    private static int[] digits(int code) {
        return new int[] {code / 1000, code / 100 % 10, code / 10 % 10, code % 10};
    }
}
