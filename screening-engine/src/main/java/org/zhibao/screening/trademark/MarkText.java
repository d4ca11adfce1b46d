package org.zhibao.screening.trademark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.zhibao.screening.ChineseText;
import org.zhibao.screening.Hanzi;

/**
 * A mark reduced for comparison: folded (NFKC width, tone marks and other accents dropped, traditional to
 * simplified, lower case, no spaces or punctuation), its distinctive core (generic words such as 牌, 集团,
 * 科技 stripped from both ends), and the toneless pinyin of the core (Latin letters kept as they are, so
 * that "Kāng Shī Fu" and "KANGSHIFU" meet 康师傅) under each combination of the readings of its polyphonic
 * characters (at most {@value #MAX_SOUNDS}; the usual readings first). ü, v and u are one letter in sounds:
 * marks spell 绿 "lv", "lu" and "lü".
 */
public record MarkText(String raw, String folded, String core, List<String> sounds) {

    static final int MAX_SOUNDS = 16;

    private static final List<String> GENERIC = load("generic-mark-words.txt");
    private static final java.util.Set<String> LATIN_GENERIC = new java.util.HashSet<>(load("generic-mark-words-latin.txt"));

    public static MarkText of(String mark) {
        String n = Normalizer.normalize(ChineseText.normalize(mark), Normalizer.Form.NFD);
        String folded = fold(n);
        String core = fold(withoutLatinGenericWords(n));
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String g : GENERIC) {
                if (core.length() > g.length() + 1 && core.endsWith(g)) {
                    core = core.substring(0, core.length() - g.length());
                    changed = true;
                } else if (core.length() > g.length() + 1 && core.startsWith(g)) {
                    core = core.substring(g.length());
                    changed = true;
                }
            }
        }
        return new MarkText(mark, folded, core, sounds(core));
    }

    private static String fold(String text) {
        StringBuilder f = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = ChineseText.fold(text.charAt(i));
            if (Character.isLetterOrDigit(c) && Character.getType(c) != Character.NON_SPACING_MARK) {
                f.append(c);
            }
        }
        return f.toString();
    }

    /**
     * The text without generic Latin words (FOOD, GROUP, CO, LTD, STORE, THE...) at its start or end. Unlike the
     * Han generic words these are removed only as whole words, set apart by a space, punctuation or a change of
     * script (KANGSHIFU FOOD, 康师傅Group): once the spaces are gone, "food" in SEAFOOD is part of the mark. A
     * word is kept when nothing else would be left.
     */
    static String withoutLatinGenericWords(String text) {
        String s = text;
        boolean changed = true;
        while (changed) {
            changed = false;
            // trailing words first: company suffixes (Co. Ltd) are the commonest
            int end = s.length();
            while (end > 0 && isSeparator(s.charAt(end - 1))) {
                end--;
            }
            int start = end;
            while (start > 0 && isLatinWordChar(s.charAt(start - 1))) {
                start--;
            }
            if (end > start && LATIN_GENERIC.contains(word(s, start, end)) && hasContent(s.substring(0, start))) {
                s = s.substring(0, start);
                changed = true;
            }
            start = 0;
            while (start < s.length() && isSeparator(s.charAt(start))) {
                start++;
            }
            end = start;
            while (end < s.length() && isLatinWordChar(s.charAt(end))) {
                end++;
            }
            if (end > start && LATIN_GENERIC.contains(word(s, start, end)) && hasContent(s.substring(end))) {
                s = s.substring(end);
                changed = true;
            }
        }
        return s;
    }

    private static boolean isLatinWordChar(char c) {
        return (c < 128 && Character.isLetter(c)) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    private static boolean isSeparator(char c) {
        return !Character.isLetterOrDigit(c) && Character.getType(c) != Character.NON_SPACING_MARK;
    }

    private static boolean hasContent(String s) {
        return s.chars().anyMatch(Character::isLetterOrDigit);
    }

    private static String word(String s, int start, int end) {
        StringBuilder w = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c < 128) {
                w.append(Character.toLowerCase(c));
            }
        }
        return w.toString();
    }

    /** The usual reading of the core (the first of {@link #sounds()}). */
    public String sound() {
        return sounds.get(0);
    }

    /**
     * Toneless pinyin of the Han characters, Latin letters and digits as they are (v as u), under each
     * combination of readings; the characters after the combinations reach the cap keep their usual reading.
     */
    public static List<String> sounds(String text) {
        List<StringBuilder> out = new ArrayList<>();
        out.add(new StringBuilder());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String[] readings = Hanzi.isHan(c) ? MarkChars.readings(c) : new String[0];
            if (readings.length == 0) {
                char l = c == 'v' ? 'u' : c;
                out.forEach(b -> b.append(l));
                continue;
            }
            int usable = out.size() * readings.length <= MAX_SOUNDS ? readings.length : 1;
            List<StringBuilder> next = new ArrayList<>(out.size() * usable);
            for (StringBuilder b : out) {
                for (int r = 0; r < usable; r++) {
                    next.add(new StringBuilder(b).append(readings[r]));
                }
            }
            out = next;
        }
        return out.stream().map(StringBuilder::toString).distinct().toList();
    }

    /** Whether the text is all Han characters. */
    static boolean allHan(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> Hanzi.isHan((char) c));
    }

    public boolean allHan() {
        return allHan(core);
    }

    private static List<String> load(String resource) {
        List<String> out = new ArrayList<>();
        try (var in = MarkText.class.getResourceAsStream("/org/zhibao/screening/" + resource);
             var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort((a, b) -> b.length() - a.length());
        return out;
    }
}
