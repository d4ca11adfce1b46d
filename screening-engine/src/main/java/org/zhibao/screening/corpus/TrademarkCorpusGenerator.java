package org.zhibao.screening.corpus;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.zhibao.screening.Jsonl;
import org.zhibao.screening.Rule;

/**
 * Known marks and new trademark filings with planted truth for T_SQUAT and T_MASS.
 *
 * <p>Squats copy a known mark of someone else in its class, in the ways of the issue: identically, with words
 * added before or after, in traditional characters, with a homophone, spelt in pinyin or Latin letters (case,
 * spacing, hyphens, tone marks, ü as v or u, part Han part Latin), with a look-alike character, and mixed
 * (two of these at once). Every variant is made from {@link MarkSources} (HanLP and rendered glyphs), never
 * from the Unihan tables the detector reads, so the evaluation measures agreement with an independent view.
 *
 * <p>Hard negatives, which must not fire: the owner re-filing its own mark or its own variants (owner name
 * written with other spacing or widths), the same mark in an unrelated class, a mark with one character of a
 * known mark changed to one that neither looks nor sounds alike, a mark sharing only part of a known mark
 * (a word or a character), defensive filings of one mark in many classes, product lines of many marks in one
 * trade. Every negative and background mark is checked against the known marks of others with the
 * generator's own notions (contains one, same reading in context, one look-alike or same-sounding character)
 * and replaced when it would be a squat after all.
 *
 * <p>Besides the truth, a kinds file names the kind of every planted case (positive or negative) so that the
 * evaluation can say which kinds are missed and which negatives fire.
 */
public final class TrademarkCorpusGenerator {

    /** What a planted filing is; the squat kinds are positives, the rest hard negatives. */
    public enum Kind {
        IDENTICAL(true), ADDED_WORDS(true), TRADITIONAL(true), HOMOPHONE(true), LATIN(true), LOOKALIKE(true), MIXED(true),
        OWN_REFILING(false), OWN_VARIANT(false), OTHER_CLASS(false), ONE_CHAR_CHANGED(false), SHARED_PART(false);

        public final boolean squat;

        Kind(boolean squat) {
            this.squat = squat;
        }
    }

    private static final Kind[] SQUATS = {Kind.IDENTICAL, Kind.ADDED_WORDS, Kind.TRADITIONAL, Kind.HOMOPHONE, Kind.LATIN,
        Kind.LOOKALIKE, Kind.MIXED};
    private static final Kind[] NEGATIVES = {Kind.OWN_REFILING, Kind.OWN_VARIANT, Kind.OTHER_CLASS, Kind.ONE_CHAR_CHANGED,
        Kind.SHARED_PART};

    private final Random random;
    private final int knownCount;
    private final int filingCount;
    private final MarkSources sources = new MarkSources();
    private final Words words = new Words("mark-words.txt");
    private final List<String> knownMark = new ArrayList<>();
    private final List<String> knownOwner = new ArrayList<>();
    private final List<Integer> knownClass = new ArrayList<>();
    // the generator's own view of who could object to a mark, by class: marks, readings, one character left out
    private final Map<String, Integer> byMark = new HashMap<>();
    private final Map<String, int[]> bySound = new HashMap<>();
    private final Map<String, int[]> byLessOne = new HashMap<>();
    private int serial;
    private int applicantSerial;

    public TrademarkCorpusGenerator(int knownCount, int filingCount, long seed) {
        this.random = new Random(seed);
        this.knownCount = knownCount;
        this.filingCount = filingCount;
    }

    /** Writes known marks, filings and truth, and the kinds beside the truth ({@code <truth>-kinds.jsonl}). */
    public void write(Path known, Path filings, Path truth) {
        String name = truth.getFileName().toString().replaceFirst("\\.jsonl$", "");
        write(known, filings, truth, truth.resolveSibling(name + "-kinds.jsonl"));
    }

    public void write(Path known, Path filings, Path truth, Path kinds) {
        try (BufferedWriter k = Files.newBufferedWriter(known, StandardCharsets.UTF_8);
             BufferedWriter f = Files.newBufferedWriter(filings, StandardCharsets.UTF_8);
             BufferedWriter t = Files.newBufferedWriter(truth, StandardCharsets.UTF_8);
             BufferedWriter kd = Files.newBufferedWriter(kinds, StandardCharsets.UTF_8)) {
            Set<String> taken = new HashSet<>();
            for (int i = 0; i < knownCount; i++) {
                String mark = knownMarkText(taken);
                int cls = 1 + random.nextInt(45);
                String owner = "owner" + i + words.one("companySuffix", random);
                index(mark, cls, i);
                knownMark.add(mark);
                knownOwner.add(owner);
                knownClass.add(cls);
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("mark", mark);
                line.put("owner", owner);
                line.put("niceClasses", List.of(cls));
                k.write(Jsonl.writeValue(line));
                k.write('\n');
            }
            while (serial < filingCount) {
                double r = random.nextDouble();
                if (r < 0.55) {
                    String applicant = applicant();
                    int n = 1 + random.nextInt(3);
                    for (int i = 0; i < n; i++) {
                        int cls = 1 + random.nextInt(45);
                        filing(f, background(cls), applicant, List.of(cls), date(365));
                    }
                } else if (r < 0.75) {
                    negative(f, kd, NEGATIVES[random.nextInt(NEGATIVES.length)]);
                } else if (r < 0.77) {
                    String applicant = applicant();
                    String mark = background(-1);
                    for (int c = 1; c <= 45; c += 1 + random.nextInt(2)) {
                        filing(f, mark, applicant, List.of(c), date(60));
                    }
                } else if (r < 0.79) {
                    String applicant = applicant();
                    int cls = 1 + random.nextInt(45);
                    int n = 10 + random.nextInt(20);
                    for (int i = 0; i < n; i++) {
                        String mark;
                        do {
                            mark = background(cls);
                        } while (similarToOthers(mark, cls % 45 + 1, -1));
                        filing(f, mark, applicant, List.of(cls, cls % 45 + 1), date(700));
                    }
                } else if (r < 0.97) {
                    int id = random.nextInt(knownMark.size());
                    Kind kind = SQUATS[random.nextInt(SQUATS.length)];
                    String squat = variant(knownMark.get(id), kind);
                    if (squat != null) {
                        String no = filing(f, squat, applicant(), List.of(knownClass.get(id)), date(365));
                        truth(t, Rule.T_SQUAT, List.of(no));
                        kind(kd, no, kind, id);
                    }
                } else {
                    hoarder(f, t, kd);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A hoarder: 25-84 marks over many classes within three months, a fifth of them copies of known marks. */
    private void hoarder(BufferedWriter f, BufferedWriter t, BufferedWriter kd) throws IOException {
        String applicant = applicant();
        int n = 25 + random.nextInt(60);
        List<String> nos = new ArrayList<>();
        LocalDate start = date(300);
        for (int i = 0; i < n; i++) {
            LocalDate day = start.plusDays(random.nextInt(90));
            if (random.nextDouble() < 0.2) {
                int id = random.nextInt(knownMark.size());
                Kind kind = SQUATS[random.nextInt(SQUATS.length)];
                String squat = variant(knownMark.get(id), kind);
                if (squat != null) {
                    String no = filing(f, squat, applicant, List.of(knownClass.get(id)), day);
                    nos.add(no);
                    truth(t, Rule.T_SQUAT, List.of(no));
                    kind(kd, no, kind, id);
                    continue;
                }
            }
            int cls = 1 + random.nextInt(45);
            nos.add(filing(f, background(cls), applicant, List.of(cls), day));
        }
        truth(t, Rule.T_MASS, nos);
    }

    private void negative(BufferedWriter f, BufferedWriter kd, Kind kind) throws IOException {
        int id = random.nextInt(knownMark.size());
        String mark = knownMark.get(id);
        int cls = knownClass.get(id);
        String applicant = applicant();
        String filed;
        List<Integer> classes = List.of(cls);
        switch (kind) {
            case OWN_REFILING -> {
                filed = similarToOthers(mark, cls, id) ? null : mark;
                applicant = ownerAsWritten(knownOwner.get(id));
            }
            case OWN_VARIANT -> {
                filed = variant(mark, SQUATS[1 + random.nextInt(SQUATS.length - 1)]);
                applicant = ownerAsWritten(knownOwner.get(id));
                if (filed != null && similarToOthers(filed, cls, id)) {
                    filed = null;
                }
            }
            case OTHER_CLASS -> {
                filed = mark;
                int other = 1 + (cls + random.nextInt(43)) % 45;
                classes = List.of(other == cls ? cls % 45 + 1 : other);
                if (similarToOthers(filed, classes.get(0), id)) {
                    filed = null;
                }
            }
            case ONE_CHAR_CHANGED -> filed = oneCharChanged(mark, cls);
            default -> filed = sharedPart(mark, cls);
        }
        if (filed == null) {
            return;
        }
        String no = filing(f, filed, applicant, classes, date(365));
        kind(kd, no, kind, id);
    }

    /** One character replaced by one that neither looks nor sounds like it (for a 2-character mark, one shared). */
    private String oneCharChanged(String mark, int cls) {
        for (int attempt = 0; attempt < 20; attempt++) {
            int i = random.nextInt(mark.length());
            char old = mark.charAt(i);
            char c = poolChar();
            if (c == old || sources.looksAlike(c, old) || sources.soundAlike(c, old)) {
                continue;
            }
            String m = mark.substring(0, i) + c + mark.substring(i + 1);
            if (!similarToOthers(m, cls, -1)) {
                return m;
            }
        }
        return null;
    }

    /** Half of the mark (a word or a character) kept at one end, the rest new: 三只松鼠 to 三只 and two others. */
    private String sharedPart(String mark, int cls) {
        int keep = Math.max(1, mark.length() / 2);
        for (int attempt = 0; attempt < 20; attempt++) {
            StringBuilder rest = new StringBuilder();
            int add = Math.max(mark.length(), 3) - keep;
            for (int i = 0; i < add; i++) {
                rest.append(poolChar());
            }
            String m = random.nextBoolean() ? mark.substring(0, keep) + rest : rest + mark.substring(mark.length() - keep);
            if (!similarToOthers(m, cls, -1)) {
                return m;
            }
        }
        return null;
    }

    /** A squat of the kind, or null when the mark offers none (no homophone, no look-alike, no traditional form). */
    String variant(String mark, Kind kind) {
        return switch (kind) {
            case IDENTICAL -> mark;
            case ADDED_WORDS -> added(mark);
            case TRADITIONAL -> {
                String t = MarkSources.traditional(mark);
                yield t.equals(mark) ? null : t;
            }
            case HOMOPHONE -> homophone(mark);
            case LATIN -> latin(mark);
            case LOOKALIKE -> lookalike(mark);
            case MIXED -> mixed(mark);
            default -> throw new IllegalArgumentException(kind.name());
        };
    }

    private String added(String mark) {
        return random.nextDouble() < 0.7 ? mark + words.one("addedSuffix", random) : words.one("addedPrefix", random) + mark;
    }

    private String homophone(String mark) {
        List<String> reading = MarkSources.toneless(mark);
        List<Integer> at = positions(mark.length());
        for (int i : at) {
            if (reading.get(i) == null) {
                continue;
            }
            char old = mark.charAt(i);
            List<Character> same = sources.readAs(reading.get(i)).stream().filter(c -> c != old).toList();
            if (!same.isEmpty()) {
                return mark.substring(0, i) + same.get(random.nextInt(same.size())) + mark.substring(i + 1);
            }
        }
        return null;
    }

    private String lookalike(String mark) {
        for (int i : positions(mark.length())) {
            List<Character> alike = sources.lookalikes(mark.charAt(i));
            if (!alike.isEmpty()) {
                return mark.substring(0, i) + alike.get(random.nextInt(alike.size())) + mark.substring(i + 1);
            }
        }
        return null;
    }

    /** The mark spelt in pinyin as marks are written: case, spacing, hyphens, tone marks, ü as v or u, part Han. */
    private String latin(String mark) {
        int style = random.nextInt(7);
        List<String> syllables = style == 5 ? MarkSources.toneMarked(mark) : MarkSources.toneless(mark);
        String u = switch (random.nextInt(3)) {
            case 0 -> "v";
            case 1 -> "u";
            default -> "\u00FC";
        };
        List<String> s = new ArrayList<>();
        for (String y : syllables) {
            if (y == null) {
                return null;
            }
            s.add(style == 5 ? y : y.replace("v", u));
        }
        return switch (style) {
            case 0 -> capital(String.join("", s));
            case 1 -> String.join("", s).toUpperCase(Locale.ROOT);
            case 2 -> String.join("", s.stream().map(TrademarkCorpusGenerator::capital).toList());
            case 3 -> String.join(" ", s.stream().map(TrademarkCorpusGenerator::capital).toList());
            case 4 -> String.join("-", s);
            case 5 -> String.join(" ", s.stream().map(TrademarkCorpusGenerator::capital).toList());
            default -> mark.charAt(0) + capital(String.join("", s.subList(1, s.size())));
        };
    }

    private String mixed(String mark) {
        String m = switch (random.nextInt(4)) {
            case 0 -> homophone(mark);
            case 1 -> lookalike(mark);
            case 2 -> MarkSources.traditional(mark);
            default -> latin(mark);
        };
        if (m == null) {
            return null;
        }
        if (random.nextBoolean() || m.chars().anyMatch(c -> c < 128)) {
            return m.chars().anyMatch(c -> c < 128) ? m + words.one("addedSuffix", random) : added(m);
        }
        String t = MarkSources.traditional(m);
        return t.equals(m) ? added(m) : t;
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private List<Integer> positions(int n) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            at.add(i);
        }
        java.util.Collections.shuffle(at, random);
        return at;
    }

    /** The owner's name as a clerk might type it again: as registered, or with spaces or full-width letters. */
    private String ownerAsWritten(String owner) {
        return switch (random.nextInt(3)) {
            case 0 -> owner;
            case 1 -> owner.replaceFirst("(\\d+)", "$1 ");
            default -> {
                StringBuilder b = new StringBuilder();
                for (char c : owner.toCharArray()) {
                    b.append(c >= '!' && c <= '~' ? (char) (c + 0xFEE0) : c);
                }
                yield b.toString();
            }
        };
    }

    /** Known marks: words of the thesaurus, a word and one more character, or characters drawn at random. */
    private String knownMarkText(Set<String> taken) {
        for (int attempt = 0; ; attempt++) {
            double r = random.nextDouble();
            String m;
            if (attempt < 20 && r < 0.3) {
                m = sources.words.get(random.nextInt(sources.words.size()));
            } else if (attempt < 20 && r < 0.5) {
                String w = sources.words.get(random.nextInt(sources.words.size()));
                m = random.nextBoolean() ? w + poolChar() : poolChar() + w;
            } else {
                m = randomChars(2 + random.nextInt(attempt < 20 ? 3 : 4));
            }
            if (taken.add(m)) {
                return m;
            }
        }
    }

    /** A new mark that by the generator's notions resembles no known mark in the class (-1: in any class). */
    private String background(int cls) {
        while (true) {
            String m = random.nextBoolean() ? randomChars(3 + random.nextInt(2))
                    : sources.words.get(random.nextInt(sources.words.size())) + poolChar();
            if (cls < 0 ? !similarInAnyClass(m) : !similarToOthers(m, cls, -1)) {
                return m;
            }
        }
    }

    private boolean similarInAnyClass(String m) {
        for (int c = 1; c <= 45; c++) {
            if (similarToOthers(m, c, -1)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a mark would be a squat of a known mark in the class owned by someone other than the owner of
     * known mark {@code self} (-1: anyone): it contains such a mark, reads the same in context, or differs in
     * one character that looks or sounds alike.
     */
    private boolean similarToOthers(String m, int cls, int self) {
        String selfOwner = self < 0 ? null : knownOwner.get(self);
        for (int i = 0; i < m.length(); i++) {
            for (int j = i + 1; j <= m.length(); j++) {
                Integer id = byMark.get(cls + "|" + m.substring(i, j));
                if (id != null && !knownOwner.get(id).equals(selfOwner)) {
                    return true;
                }
            }
        }
        String sound = MarkSources.soundKey(m);
        if (sound != null) {
            for (int id : bySound.getOrDefault(cls + "|" + sound, new int[0])) {
                if (!knownOwner.get(id).equals(selfOwner)) {
                    return true;
                }
            }
        }
        for (int i = 0; i < m.length(); i++) {
            for (int id : byLessOne.getOrDefault(cls + "|" + lessOne(m, i), new int[0])) {
                String k = knownMark.get(id);
                if (k.length() == m.length() && !knownOwner.get(id).equals(selfOwner)
                        && (sources.looksAlike(k.charAt(i), m.charAt(i)) || sources.soundAlike(k.charAt(i), m.charAt(i)))) {
                    return true;
                }
            }
        }
        return false;
    }

    private void index(String mark, int cls, int id) {
        byMark.put(cls + "|" + mark, id);
        String sound = MarkSources.soundKey(mark);
        if (sound != null) {
            put(bySound, cls + "|" + sound, id);
        }
        for (int i = 0; i < mark.length(); i++) {
            put(byLessOne, cls + "|" + lessOne(mark, i), id);
        }
    }

    private static String lessOne(String m, int i) {
        return m.substring(0, i) + '\u0000' + m.substring(i + 1);
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

    private char poolChar() {
        return sources.pool[random.nextInt(sources.pool.length)];
    }

    private String randomChars(int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(poolChar());
        }
        return b.toString();
    }

    private String applicant() {
        return "applicant" + (applicantSerial++) + words.one("companySuffix", random);
    }

    private LocalDate date(int spread) {
        return LocalDate.of(2024, 1, 1).plusDays(random.nextInt(spread));
    }

    private String filing(BufferedWriter f, String mark, String applicant, List<Integer> classes, LocalDate date) throws IOException {
        String no = String.format("TM2024%08d", ++serial);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("applicationNo", no);
        line.put("filingDate", date.toString());
        line.put("mark", mark);
        line.put("niceClasses", classes);
        line.put("goods", List.of());
        line.put("applicant", Map.of("name", applicant, "address", "", "creditCode", ""));
        line.put("agency", "");
        f.write(Jsonl.writeValue(line));
        f.write('\n');
        return no;
    }

    private void truth(BufferedWriter t, Rule rule, List<String> subjects) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", rule.name());
        m.put("subjects", subjects);
        t.write(Jsonl.writeValue(m));
        t.write('\n');
    }

    private void kind(BufferedWriter kd, String no, Kind kind, int knownId) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("applicationNo", no);
        m.put("kind", kind.name());
        m.put("squat", kind.squat);
        m.put("knownMark", knownMark.get(knownId));
        kd.write(Jsonl.writeValue(m));
        kd.write('\n');
    }
}
