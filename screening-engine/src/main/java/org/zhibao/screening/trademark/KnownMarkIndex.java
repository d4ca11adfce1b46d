package org.zhibao.screening.trademark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.zhibao.screening.ChineseText;
import org.zhibao.screening.KnownMark;

/**
 * Known marks indexed for lookups in microseconds: by distinctive core (identical, traditional characters,
 * generic words added, or the whole core of a known mark with other words before or after it), by sound
 * (homophones, pinyin or Latin spelling, under every modern reading of polyphonic characters) and by the core
 * with one character left out (a look-alike character in its place). A check costs a few dozen hash lookups,
 * whatever the number of known marks.
 */
public final class KnownMarkIndex {

    /** How a new mark resembles a known one (字形、读音、含义). */
    public enum Similarity { IDENTICAL, MEANING, SHAPE, SOUND }

    /** A known mark the new one resembles, how, and the detail an officer can read. */
    public record Match(KnownMark known, Similarity similarity, String detail) {
    }

    /** Words added before or after a known mark that still leave it recognisable (a goods word, a shop word). */
    static final int MAX_ADDED = 5;
    /** Shortest sound compared: two-letter readings match too much by chance. */
    static final int MIN_SOUND = 4;

    private final List<KnownMark> marks = new ArrayList<>();
    private final List<MarkText> texts = new ArrayList<>();
    private final Map<String, int[]> byCore = new HashMap<>();
    private final Map<String, int[]> bySound = new HashMap<>();
    private final Map<String, int[]> byUsualSound = new HashMap<>();
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
        for (String sound : t.sounds()) {
            if (sound.length() >= MIN_SOUND) {
                put(bySound, sound, id);
            }
        }
        if (t.sound().length() >= MIN_SOUND) {
            put(byUsualSound, t.sound(), id);
        }
        if (t.allHan() && t.core().length() >= 2) {
            for (int[] at : changeable(t.core())) {
                put(byCoreLessOne, masked(t.core(), at), id);
            }
        }
    }

    public int size() {
        return marks.size();
    }

    /**
     * The best match of a new mark among the known marks of others in an overlapping Nice class (a known mark
     * without classes counts in every class), or null. The whole core is compared first; then the parts left
     * when up to {@value #MAX_ADDED} Han characters are taken off either end (新康师傅, 小米手机, Kangshifu食品):
     * as the whole core of a known mark (two characters or more), or, from three characters on, by shape and
     * sound (a part of two characters resembles too many known marks by chance).
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
        List<String[]> parts = parts(t.core());
        for (String[] part : parts) {
            if (part[0].length() >= 2) {
                for (int id : byCore.getOrDefault(part[0], new int[0])) {
                    if (eligible(id, owner, classes)) {
                        return new Match(marks.get(id), Similarity.MEANING,
                                "contains the known mark " + part[0] + " with words added: " + part[1]);
                    }
                }
            }
        }
        Match m = shape(t.core(), "", owner, classes);
        if (m == null) {
            m = sound(t.core(), "", owner, classes);
        }
        for (int p = 0; m == null && p < parts.size(); p++) {
            String[] part = parts.get(p);
            if (!MarkText.allHan(part[0])) {
                m = sound(part[0], part[1], owner, classes);
            } else if (part[0].length() >= 3) {
                m = shape(part[0], part[1], owner, classes);
                if (m == null) {
                    m = oneSound(part[0], part[1], owner, classes);
                }
            }
        }
        return m;
    }

    /** The core without up to MAX_ADDED Han characters at one end: {kept part, part taken off}, longest first. */
    private static List<String[]> parts(String core) {
        List<String[]> out = new ArrayList<>();
        for (int cut = 1; cut <= MAX_ADDED && cut <= core.length() - 2; cut++) {
            String tail = core.substring(core.length() - cut);
            if (MarkText.allHan(tail)) {
                out.add(new String[] {core.substring(0, core.length() - cut), tail});
            }
            String head = core.substring(0, cut);
            if (MarkText.allHan(head)) {
                out.add(new String[] {core.substring(cut), head});
            }
        }
        return out;
    }

    private Match shape(String core, String added, String owner, List<Integer> classes) {
        if (!MarkText.allHan(core) || core.length() < 2) {
            return null;
        }
        for (int[] at : changeable(core)) {
            for (int id : byCoreLessOne.getOrDefault(masked(core, at), new int[0])) {
                String k = texts.get(id).core();
                if (!sameChange(core, k, at) || !eligible(id, owner, classes)) {
                    continue;
                }
                char a = core.charAt(at[0]);
                char b = k.charAt(at[0]);
                String why = MarkChars.lookAlike(a, b);
                if (why != null) {
                    return new Match(marks.get(id), Similarity.SHAPE, "look-alike character " + a + " for " + b + " (" + why + ")"
                            + (added.isEmpty() ? "" : ", words added: " + added));
                }
            }
        }
        return null;
    }

    /**
     * A part of a longer mark that differs from a known mark in one character read the same way (usual
     * reading of one of the two among the readings of the other). A whole part sounding like some known mark
     * is not enough here: among a million marks, three syllables in a row meet by chance.
     */
    private Match oneSound(String core, String added, String owner, List<Integer> classes) {
        for (int[] at : changeable(core)) {
            for (int id : byCoreLessOne.getOrDefault(masked(core, at), new int[0])) {
                String k = texts.get(id).core();
                if (!sameChange(core, k, at) || !eligible(id, owner, classes)) {
                    continue;
                }
                char a = core.charAt(at[0]);
                char b = k.charAt(at[0]);
                if (readAlike(a, b)) {
                    return new Match(marks.get(id), Similarity.SOUND, "character " + a + " read as " + b + " ("
                            + MarkChars.readings(a)[0] + "), words added: " + added);
                }
            }
        }
        return null;
    }

    private static boolean readAlike(char a, char b) {
        String[] ra = MarkChars.readings(a);
        String[] rb = MarkChars.readings(b);
        return ra.length > 0 && rb.length > 0 && (List.of(rb).contains(ra[0]) || List.of(ra).contains(rb[0]));
    }

    /**
     * Same pronunciation under some reading of each. One side at least is read the usual way: two rare
     * readings meeting (契 as xie, 解 as xie) is chance, not a copy.
     */
    private Match sound(String core, String added, String owner, List<Integer> classes) {
        List<String> sounds = MarkText.sounds(core);
        for (int s = 0; s < sounds.size(); s++) {
            String sound = sounds.get(s);
            if (sound.length() < MIN_SOUND) {
                continue;
            }
            for (int id : (s == 0 ? bySound : byUsualSound).getOrDefault(sound, new int[0])) {
                if (eligible(id, owner, classes)) {
                    return new Match(marks.get(id), Similarity.SOUND, "same pronunciation: " + sound
                            + (added.isEmpty() ? "" : ", words added: " + added));
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

    /**
     * The places where one character can be changed: each position, and every occurrence of a character that
     * recurs (娃哈哈 to 娃恰恰 is one change made twice).
     */
    private static List<int[]> changeable(String core) {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < core.length(); i++) {
            out.add(new int[] {i});
        }
        for (int i = 0; i < core.length(); i++) {
            char c = core.charAt(i);
            if (core.indexOf(c) == i && core.indexOf(c, i + 1) > 0) {
                int[] at = new int[0];
                for (int j = i; j >= 0; j = core.indexOf(c, j + 1)) {
                    at = java.util.Arrays.copyOf(at, at.length + 1);
                    at[at.length - 1] = j;
                }
                out.add(at);
            }
        }
        return out;
    }

    private static String masked(String core, int[] at) {
        char[] c = core.toCharArray();
        for (int i : at) {
            c[i] = '\u0000';
        }
        return new String(c);
    }

    /** Whether a known core differs from the new one by one character, the same in every changed place. */
    private static boolean sameChange(String core, String known, int[] at) {
        if (known.length() != core.length()) {
            return false;
        }
        char a = core.charAt(at[0]);
        char b = known.charAt(at[0]);
        if (a == b) {
            return false;
        }
        for (int i : at) {
            if (core.charAt(i) != a || known.charAt(i) != b) {
                return false;
            }
        }
        return true;
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
