package org.zhibao.screening;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Per-character facts from Unihan (see unihan-chars.tsv and its SOURCE.md): simplified form, toneless
 * pinyin, four-corner code, radical and residual strokes, variant and look-alike characters.
 * Lookup tables indexed by the BMP code unit, so that folding a million documents stays cheap.
 */
public final class Hanzi {

    private static final char[] SIMPLIFIED = new char[65536];
    private static final String[] PINYIN = new String[65536];
    private static final short[] FOUR_CORNER = new short[65536];
    private static final short[] RADICAL = new short[65536];
    private static final byte[] RESIDUAL_STROKES = new byte[65536];
    private static final String[] VARIANTS = new String[65536];

    static {
        for (int c = 0; c < 65536; c++) {
            SIMPLIFIED[c] = (char) c;
            FOUR_CORNER[c] = -1;
            RADICAL[c] = -1;
        }
        try (var in = Hanzi.class.getResourceAsStream("unihan-chars.tsv");
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String[] f = line.split("\t");
                char c = f[0].charAt(0);
                if (!f[1].equals("-")) {
                    SIMPLIFIED[c] = f[1].charAt(0);
                }
                if (!f[2].equals("-")) {
                    PINYIN[c] = f[2].intern();
                }
                if (!f[3].equals("-")) {
                    FOUR_CORNER[c] = Short.parseShort(f[3]);
                }
                if (!f[4].equals("-")) {
                    int dot = f[4].indexOf('.');
                    RADICAL[c] = Short.parseShort(f[4].substring(0, dot));
                    RESIDUAL_STROKES[c] = (byte) Math.max(-1, Integer.parseInt(f[4].substring(dot + 1)));
                }
                if (!f[5].equals("-")) {
                    VARIANTS[c] = f[5];
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // A simplified form may itself have no pinyin entry of its own; borrow the traditional one.
        for (int c = 0; c < 65536; c++) {
            char s = SIMPLIFIED[c];
            if (s != c && PINYIN[s] == null) {
                PINYIN[s] = PINYIN[c];
            }
        }
    }

    private Hanzi() {
    }

    public static boolean isHan(char c) {
        return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF);
    }

    /** The simplified form (kSimplifiedVariant), or the character itself. */
    public static char simplified(char c) {
        return SIMPLIFIED[c];
    }

    /** Toneless pinyin of the first Mandarin reading ("shi"), or null for a non-Han character. */
    public static String pinyin(char c) {
        return PINYIN[SIMPLIFIED[c]] != null ? PINYIN[SIMPLIFIED[c]] : PINYIN[c];
    }

    /** Four-corner code 0..9999, or -1 when Unihan has none. */
    public static int fourCorner(char c) {
        return FOUR_CORNER[c];
    }

    /**
     * Whether two characters look alike (字形近似): variants or spoofing variants of each other, the same
     * four-corner code, or the same radical with close stroke counts and at least two corners in common.
     */
    public static boolean looksAlike(char a, char b) {
        if (a == b || SIMPLIFIED[a] == SIMPLIFIED[b]) {
            return true;
        }
        if (isVariant(a, b) || isVariant(b, a)) {
            return true;
        }
        int ca = FOUR_CORNER[a];
        int cb = FOUR_CORNER[b];
        if (ca < 0 || cb < 0) {
            return false;
        }
        int sameCorners = sameDigits(ca, cb);
        if (sameCorners == 4) {
            return true;
        }
        boolean sameRadical = RADICAL[a] >= 0 && RADICAL[a] == RADICAL[b];
        int strokeGap = Math.abs(RESIDUAL_STROKES[a] - RESIDUAL_STROKES[b]);
        return (sameRadical && strokeGap <= 2 && sameCorners >= 2) || (sameCorners == 3 && sameRadical);
    }

    private static boolean isVariant(char a, char b) {
        String v = VARIANTS[a];
        return v != null && (v.indexOf(b) >= 0 || v.indexOf(SIMPLIFIED[b]) >= 0);
    }

    private static int sameDigits(int a, int b) {
        int same = 0;
        for (int i = 0; i < 4; i++) {
            if (a % 10 == b % 10) {
                same++;
            }
            a /= 10;
            b /= 10;
        }
        return same;
    }
}
