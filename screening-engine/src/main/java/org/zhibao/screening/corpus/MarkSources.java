package org.zhibao.screening.corpus;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.py.Pinyin;
import com.hankcs.hanlp.dictionary.py.PinyinDictionary;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the trademark generator knows about characters, taken on purpose from sources the detector does not
 * read, so that the T_SQUAT evaluation is not the detector grading itself: readings and homophones from
 * HanLP's pinyin dictionary (word-based, so polyphonic characters get their reading in context), traditional
 * forms from HanLP's simplified-to-traditional tables (OpenCC-derived, word-based), look-alike characters from
 * rendered glyphs (lookalike-pairs.txt, tools/derive_lookalikes.py), and common characters and words from
 * HanLP's CoreSynonym thesaurus. The detector uses Unihan (kMandarin and dictionary readings,
 * kSimplifiedVariant, four-corner codes, radicals, variants, phonetic series) and none of these.
 */
final class MarkSources {

    private static final String THESAURUS = "/data/dictionary/synonym/CoreSynonym.txt";
    private static final String TRADITIONAL = "/data/dictionary/tc/t2s.txt";

    final char[] pool;
    final List<String> words;
    private final Map<String, List<Character>> byFirstReading = new HashMap<>();
    private final Map<Character, Set<String>> readings = new HashMap<>();
    private final Map<Character, List<Character>> lookalikes = new HashMap<>();

    MarkSources() {
        Set<String> traditional = new HashSet<>();
        for (String line : lines(TRADITIONAL)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                traditional.add(line.substring(0, eq));
            }
        }
        Map<Character, Integer> count = new HashMap<>();
        Set<String> thesaurusWords = new LinkedHashSet<>();
        for (String line : lines(THESAURUS)) {
            String[] f = line.strip().split("\\s+");
            for (int i = 1; i < f.length; i++) {
                thesaurusWords.add(f[i]);
                for (char c : f[i].toCharArray()) {
                    if (c >= 0x4E00 && c <= 0x9FFF) {
                        count.merge(c, 1, Integer::sum);
                    }
                }
            }
        }
        List<Character> chars = new ArrayList<>();
        for (var e : count.entrySet()) {
            char c = e.getKey();
            if (e.getValue() >= 3 && !traditional.contains(String.valueOf(c))) {
                Set<String> r = hanlpReadings(c);
                if (!r.isEmpty()) {
                    chars.add(c);
                    readings.put(c, r);
                    byFirstReading.computeIfAbsent(r.iterator().next(), k -> new ArrayList<>()).add(c);
                }
            }
        }
        chars.sort(null);
        pool = new char[chars.size()];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = chars.get(i);
        }
        words = new ArrayList<>();
        for (String w : thesaurusWords) {
            if (w.length() >= 2 && w.length() <= 3 && w.chars().allMatch(c -> readings.containsKey((char) c))) {
                words.add(w);
            }
        }
        for (String line : lines("/org/zhibao/screening/corpus/lookalike-pairs.txt")) {
            if (line.length() == 2 && !line.startsWith("#")) {
                lookalikes.computeIfAbsent(line.charAt(0), k -> new ArrayList<>()).add(line.charAt(1));
                lookalikes.computeIfAbsent(line.charAt(1), k -> new ArrayList<>()).add(line.charAt(0));
            }
        }
    }

    private static Set<String> hanlpReadings(char c) {
        Set<String> out = new LinkedHashSet<>();
        Pinyin[] p = PinyinDictionary.get(String.valueOf(c));
        if (p != null) {
            for (Pinyin y : p) {
                if (y != null && y != Pinyin.none5) {
                    out.add(y.getPinyinWithoutTone());
                }
            }
        }
        return out;
    }

    /** Toneless reading in context of each character of a mark ("lv" for 绿), null where there is none. */
    static List<String> toneless(String mark) {
        List<String> out = new ArrayList<>();
        for (Pinyin p : HanLP.convertToPinyinList(mark)) {
            out.add(p == Pinyin.none5 ? null : p.getPinyinWithoutTone());
        }
        return out;
    }

    /** Reading in context with its tone mark ("lǜ"), null where there is none. */
    static List<String> toneMarked(String mark) {
        List<String> out = new ArrayList<>();
        for (Pinyin p : HanLP.convertToPinyinList(mark)) {
            out.add(p == Pinyin.none5 ? null : p.getPinyinWithToneMark());
        }
        return out;
    }

    /** The whole mark's reading in context as one key, or null if a character has none. */
    static String soundKey(String mark) {
        StringBuilder b = new StringBuilder();
        for (String s : toneless(mark)) {
            if (s == null) {
                return null;
            }
            b.append(s);
        }
        return b.toString();
    }

    static String traditional(String mark) {
        return HanLP.convertToTraditionalChinese(mark);
    }

    /** Common characters read (first reading) as the given syllable. */
    List<Character> readAs(String syllable) {
        return byFirstReading.getOrDefault(syllable, List.of());
    }

    List<Character> lookalikes(char c) {
        return lookalikes.getOrDefault(c, List.of());
    }

    boolean looksAlike(char a, char b) {
        return lookalikes(a).contains(b);
    }

    /** Whether two characters share any HanLP reading. */
    boolean soundAlike(char a, char b) {
        Set<String> ra = readings.getOrDefault(a, hanlpReadings(a));
        Set<String> rb = readings.getOrDefault(b, hanlpReadings(b));
        for (String r : ra) {
            if (rb.contains(r)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> lines(String resource) {
        List<String> out = new ArrayList<>();
        try (var in = MarkSources.class.getResourceAsStream(resource);
             var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isEmpty() && line.charAt(0) == '\uFEFF') {
                    line = line.substring(1);
                }
                out.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
