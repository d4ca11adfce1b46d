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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.zhibao.screening.Hanzi;
import org.zhibao.screening.Jsonl;
import org.zhibao.screening.RealPatents;
import org.zhibao.screening.Rule;

/**
 * Known marks and new trademark filings with planted truth for T_SQUAT and T_MASS. Squats copy a known mark of
 * someone else by shape (a look-alike character from Unihan data), sound (a homophone, or the pinyin written
 * in Latin letters), meaning (traditional characters, generic words added) or identically. Hard negatives:
 * owners re-filing their own marks, the same mark in unrelated classes, defensive filings of one mark in many
 * classes, product lines of many marks in one trade.
 */
public final class TrademarkCorpusGenerator {

    private final Random random;
    private final int knownCount;
    private final int filingCount;
    private final char[] pool;
    private final Map<String, List<Character>> homophones = new HashMap<>();
    private final List<String[]> known = new ArrayList<>();
    private final Words words = new Words();
    private int serial;
    private int applicantSerial;

    public TrademarkCorpusGenerator(int knownCount, int filingCount, long seed) {
        this.random = new Random(seed);
        this.knownCount = knownCount;
        this.filingCount = filingCount;
        int[] freq = new int[65536];
        for (RealPatents.RealPatent p : RealPatents.load()) {
            for (char c : p.abstractText().toCharArray()) {
                if (Hanzi.isHan(c) && Hanzi.pinyin(c) != null && Hanzi.fourCorner(c) >= 0) {
                    freq[c]++;
                }
            }
        }
        List<Character> chars = new ArrayList<>();
        for (int c = 0; c < 65536; c++) {
            if (freq[c] >= 3 && Hanzi.simplified((char) c) == c) {
                chars.add((char) c);
            }
        }
        pool = new char[chars.size()];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = chars.get(i);
            homophones.computeIfAbsent(Hanzi.pinyin(pool[i]), k -> new ArrayList<>()).add(pool[i]);
        }
    }

    /** Writes known.jsonl, trademarks.jsonl and trademarks-truth.jsonl into a folder. */
    public void write(Path known, Path filings, Path truth) {
        try (BufferedWriter k = Files.newBufferedWriter(known, StandardCharsets.UTF_8);
             BufferedWriter f = Files.newBufferedWriter(filings, StandardCharsets.UTF_8);
             BufferedWriter t = Files.newBufferedWriter(truth, StandardCharsets.UTF_8)) {
            for (int i = 0; i < knownCount; i++) {
                String[] m = {randomMark(2 + random.nextInt(3)), "owner" + i + words.one("companySuffix", random),
                        String.valueOf(1 + random.nextInt(45))};
                this.known.add(m);
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("mark", m[0]);
                line.put("owner", m[1]);
                line.put("niceClasses", List.of(Integer.parseInt(m[2])));
                k.write(Jsonl.writeValue(line));
                k.write('\n');
            }
            while (serial < filingCount) {
                double r = random.nextDouble();
                if (r < 0.70) {
                    String applicant = applicant();
                    int n = 1 + random.nextInt(3);
                    for (int i = 0; i < n; i++) {
                        filing(f, randomMark(3 + random.nextInt(2)), applicant, List.of(1 + random.nextInt(45)), date(365));
                    }
                } else if (r < 0.78) {
                    String[] m = this.known.get(random.nextInt(this.known.size()));
                    int cls = Integer.parseInt(m[2]);
                    boolean own = random.nextBoolean();
                    int other = 1 + (cls + random.nextInt(43)) % 45;
                    filing(f, m[0], own ? m[1] : applicant(), List.of(own ? cls : (other == cls ? cls % 45 + 1 : other)), date(365));
                } else if (r < 0.80) {
                    String applicant = applicant();
                    String mark = randomMark(3);
                    for (int c = 1; c <= 45; c += 1 + random.nextInt(2)) {
                        filing(f, mark, applicant, List.of(c), date(60));
                    }
                } else if (r < 0.82) {
                    String applicant = applicant();
                    int cls = 1 + random.nextInt(45);
                    int n = 10 + random.nextInt(20);
                    for (int i = 0; i < n; i++) {
                        filing(f, randomMark(3 + random.nextInt(2)), applicant, List.of(cls, cls % 45 + 1), date(700));
                    }
                } else if (r < 0.97) {
                    String[] m = this.known.get(random.nextInt(this.known.size()));
                    String squat = squat(m[0]);
                    if (squat == null) {
                        continue;
                    }
                    String no = filing(f, squat, applicant(), List.of(Integer.parseInt(m[2])), date(365));
                    truth(t, Rule.T_SQUAT, List.of(no));
                } else {
                    String applicant = applicant();
                    int n = 25 + random.nextInt(60);
                    List<String> nos = new ArrayList<>();
                    LocalDate start = date(300);
                    for (int i = 0; i < n; i++) {
                        nos.add(filing(f, randomMark(3 + random.nextInt(2)), applicant,
                                List.of(1 + random.nextInt(45)), start.plusDays(random.nextInt(90))));
                    }
                    truth(t, Rule.T_MASS, nos);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String squat(String mark) {
        switch (random.nextInt(6)) {
            case 0:
                return mark;
            case 1:
                return mark + words.one("genericSuffix", random);
            case 2: {
                int i = random.nextInt(mark.length());
                List<Character> same = homophones.get(Hanzi.pinyin(mark.charAt(i)));
                List<Character> others = same.stream().filter(c -> c != mark.charAt(i)).toList();
                return others.isEmpty() ? null : mark.substring(0, i) + others.get(random.nextInt(others.size())) + mark.substring(i + 1);
            }
            case 3: {
                StringBuilder b = new StringBuilder();
                for (char c : mark.toCharArray()) {
                    String p = Hanzi.pinyin(c);
                    b.append(Character.toUpperCase(p.charAt(0))).append(p.substring(1));
                }
                return b.toString();
            }
            case 4: {
                int i = random.nextInt(mark.length());
                List<Character> alike = new ArrayList<>();
                for (char c : pool) {
                    if (c != mark.charAt(i) && Hanzi.looksAlike(c, mark.charAt(i))) {
                        alike.add(c);
                    }
                }
                return alike.isEmpty() ? null : mark.substring(0, i) + alike.get(random.nextInt(alike.size())) + mark.substring(i + 1);
            }
            default: {
                StringBuilder b = new StringBuilder();
                boolean changed = false;
                for (char c : mark.toCharArray()) {
                    char trad = traditionalOf(c);
                    changed |= trad != c;
                    b.append(trad);
                }
                return changed ? b.toString() : null;
            }
        }
    }

    private final Map<Character, Character> traditional = new HashMap<>();

    private char traditionalOf(char c) {
        if (traditional.isEmpty()) {
            for (int x = 0x4E00; x <= 0x9FFF; x++) {
                char s = Hanzi.simplified((char) x);
                if (s != x) {
                    traditional.putIfAbsent(s, (char) x);
                }
            }
        }
        return traditional.getOrDefault(c, c);
    }

    private String randomMark(int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(pool[random.nextInt(pool.length)]);
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
}
