package org.zhibao.screening.trademark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.zhibao.screening.ChineseText;
import org.zhibao.screening.Hanzi;

/**
 * A mark reduced for comparison: folded (NFKC width, traditional to simplified, lower case, no spaces or
 * punctuation), its distinctive core (generic words such as 牌, 集团, 科技 stripped from both ends), and the
 * toneless pinyin of the core (Latin letters kept as they are, so that "kangshifu" meets 康师傅).
 */
public record MarkText(String raw, String folded, String core, String sound) {

    private static final List<String> GENERIC = load();

    public static MarkText of(String mark) {
        String n = ChineseText.normalize(mark);
        StringBuilder f = new StringBuilder();
        for (int i = 0; i < n.length(); i++) {
            char c = ChineseText.fold(n.charAt(i));
            if (Character.isLetterOrDigit(c)) {
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
        return new MarkText(mark, folded, core, sound(core));
    }

    /** Toneless pinyin of the Han characters, Latin letters and digits as they are. */
    public static String sound(String core) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < core.length(); i++) {
            char c = core.charAt(i);
            String p = Hanzi.isHan(c) ? Hanzi.pinyin(c) : null;
            s.append(p != null ? p : String.valueOf(c));
        }
        return s.toString();
    }

    public boolean allHan() {
        return !core.isEmpty() && core.chars().allMatch(c -> Hanzi.isHan((char) c));
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
