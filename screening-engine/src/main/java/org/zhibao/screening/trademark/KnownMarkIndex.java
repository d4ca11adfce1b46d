package org.zhibao.screening.trademark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.zhibao.screening.ChineseText;
import org.zhibao.screening.Hanzi;
import org.zhibao.screening.KnownMark;

/**
 * Known marks indexed for lookups in microseconds: by distinctive core (identical, traditional characters,
 * generic words added), by sound (homophones, pinyin or Latin spelling) and by the core with one character
 * left out (a look-alike character in its place). A check costs a handful of hash lookups, whatever the size.
 */
public final class KnownMarkIndex {

    /** How a new mark resembles a known one (字形、读音、含义). */
    public enum Similarity { IDENTICAL, MEANING, SHAPE, SOUND }

    /** A known mark the new one resembles, how, and the detail an officer can read. */
    public record Match(KnownMark known, Similarity similarity, String detail) {
    }

    private final List<KnownMark> marks = new ArrayList<>();
    private final List<MarkText> texts = new ArrayList<>();
    private final Map<String, int[]> byCore = new HashMap<>();
    private final Map<String, int[]> bySound = new HashMap<>();
    private final Map<String, int[]> byCoreLessOne = new HashMap<>();

    public void add(KnownMark mark) {
        int id = marks.size();
        MarkText t = MarkText.of(mark.mark());
        marks.add(mark);
        texts.add(t);
        if (t.core().isEmpty()) {
            return;
        }
        put(byCore, t.core(), id);
        if (t.sound().length() >= 4) {
            put(bySound, t.sound(), id);
        }
        if (t.allHan() && t.core().length() >= 2) {
            for (int i = 0; i < t.core().length(); i++) {
                put(byCoreLessOne, lessOne(t.core(), i), id);
            }
        }
    }

    public int size() {
        return marks.size();
    }

    /**
     * The best match of a new mark among the known marks of others in an overlapping Nice class (a known mark
     * without classes counts in every class), or null.
     */
    public Match lookup(String mark, String applicant, List<Integer> classes) {
        MarkText t = MarkText.of(mark);
        if (t.core().isEmpty()) {
            return null;
        }
        String owner = ownerKey(applicant);
        Match best = null;
        for (int id : byCore.getOrDefault(t.core(), new int[0])) {
            if (eligible(id, owner, classes)) {
                MarkText k = texts.get(id);
                if (k.folded().equals(t.folded()) && ChineseText.normalize(k.raw()).equals(ChineseText.normalize(t.raw()))) {
                    return new Match(marks.get(id), Similarity.IDENTICAL, "same mark");
                }
                String detail = k.folded().equals(t.folded()) ? "traditional or full-width characters for the same mark"
                        : "generic words added to the same distinctive part: " + t.core();
                best = better(best, new Match(marks.get(id), Similarity.MEANING, detail));
            }
        }
        if (best != null) {
            return best;
        }
        if (t.allHan() && t.core().length() >= 2) {
            for (int i = 0; i < t.core().length(); i++) {
                for (int id : byCoreLessOne.getOrDefault(lessOne(t.core(), i), new int[0])) {
                    String k = texts.get(id).core();
                    if (k.length() != t.core().length() || !eligible(id, owner, classes)) {
                        continue;
                    }
                    char a = t.core().charAt(i);
                    char b = k.charAt(i);
                    if (a != b && Hanzi.looksAlike(a, b)) {
                        return new Match(marks.get(id), Similarity.SHAPE,
                                "look-alike character " + a + " for " + b + " (Unihan four-corner code, radical, variants)");
                    }
                }
            }
        }
        if (t.sound().length() >= 4) {
            for (int id : bySound.getOrDefault(t.sound(), new int[0])) {
                if (eligible(id, owner, classes)) {
                    return new Match(marks.get(id), Similarity.SOUND, "same pronunciation: " + t.sound());
                }
            }
        }
        return null;
    }

    private boolean eligible(int id, String owner, List<Integer> classes) {
        KnownMark k = marks.get(id);
        if (!owner.isEmpty() && ownerKey(k.owner()).equals(owner)) {
            return false;
        }
        if (k.niceClasses().isEmpty() || classes.isEmpty()) {
            return true;
        }
        for (int c : classes) {
            if (k.niceClasses().contains(c)) {
                return true;
            }
        }
        return false;
    }

    private static Match better(Match a, Match b) {
        return a == null || b.similarity().ordinal() < a.similarity().ordinal() ? b : a;
    }

    static String ownerKey(String owner) {
        return owner == null ? "" : ChineseText.fold(ChineseText.normalize(owner)).replaceAll("\\s+", "");
    }

    private static String lessOne(String core, int i) {
        return core.substring(0, i) + '\u0000' + core.substring(i + 1);
    }

    private static void put(Map<String, int[]> map, String key, int id) {
        int[] old = map.get(key);
        if (old == null) {
            map.put(key, new int[] {id});
        } else {
            int[] n = java.util.Arrays.copyOf(old, old.length + 1);
            n[old.length] = id;
            map.put(key, n);
        }
    }

    /** The evidence of a match as written in a finding. */
    public static Map<String, Object> evidence(Match m) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("knownMark", m.known().mark());
        e.put("knownOwner", m.known().owner());
        e.put("knownClasses", m.known().niceClasses());
        e.put("similarity", m.similarity().name());
        e.put("detail", m.detail());
        return e;
    }
}
