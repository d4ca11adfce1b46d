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

    private static final List<String> GENERIC = load();

    public static MarkText of(String mark) {
        String n = Normalizer.normalize(ChineseText.normalize(mark), Normalizer.Form.NFD);
        StringBuilder f = new StringBuilder();
        for (int i = 0; i < n.length(); i++) {
            char c = ChineseText.fold(n.charAt(i));
            if (Character.isLetterOrDigit(c) && Character.getType(c) != Character.NON_SPACING_MARK) {
                f.append(c);
            }
        }
        String folded = f.toString();
        String core = folded;
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

    private static List<String> load() {
        List<String> out = new ArrayList<>();
        try (var in = MarkText.class.getResourceAsStream("/org/zhibao/screening/generic-mark-words.txt");
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
