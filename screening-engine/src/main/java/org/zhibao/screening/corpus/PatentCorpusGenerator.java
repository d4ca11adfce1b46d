package org.zhibao.screening.corpus;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.zhibao.screening.Jsonl;
import org.zhibao.screening.RealPatents;
import org.zhibao.screening.Rule;

/**
 * A synthetic patent corpus with planted truth for P1_DUPLICATE, P1_COMBINATION, P4_GENERATED and P6_SPLIT.
 * Background: the real abstracts (each once) and template-made filings of the same field, all with
 * boilerplate-heavy claims; agencies whose contact phone sits on thousands of unrelated filings; incubator
 * buildings and registered-office addresses shared by unrelated firms. Planted: copies with heavy edits
 * (synonym swaps, changed numbers, reordered and dropped sentences), combinations of 2-3 filings, word salad
 * cut from real abstracts, and controllers splitting filings over entities tied by phone, e-mail or one
 * address written differently. Seeded: the same settings give the same files.
 */
public final class PatentCorpusGenerator {

    /** Shares of the corpus planted per rule and how hard the planting is. */
    public record Settings(int size, long seed, double duplicateGroups, double combinations, double generated,
                           double splitControllers, double editStrength, int saladMinChunk, int saladMaxChunk,
                           int saladOrder) {

        public static Settings of(int size, long seed) {
            return new Settings(size, seed, 0.015, 0.01, 0.01, 0.005, 0.35, 2, 6, 0);
        }
    }

    private final Settings s;
    private final Random random;
    private final Words words = new Words();
    private final List<RealPatents.RealPatent> real = new ArrayList<>();
    private final List<String> terms = new ArrayList<>();
    private final Map<String, String> synonyms = new HashMap<>();
    private final List<Entity> agencies = new ArrayList<>();
    private final List<Entity> normal = new ArrayList<>();
    private final List<String> incubators = new ArrayList<>();
    private final List<String> registeredOffices = new ArrayList<>();
    private int realNext;
    private int serial;
    private int entitySerial;

    public PatentCorpusGenerator(Settings settings) {
        this.s = settings;
        this.random = new Random(settings.seed());
        List<RealPatents.RealPatent> all = RealPatents.load();
        for (int i = 0; i < all.size(); i += 2) {
            real.add(all.get(i)); // the even half: the language model of P4 learnt from the odd half
        }
        Collections.shuffle(real, random);
        Set<String> t = new LinkedHashSet<>();
        String split = String.join("|", words.list("titleSplit"));
        for (RealPatents.RealPatent p : real) {
            for (String part : p.title().split(split)) {
                if (part.length() >= 2 && part.length() <= 10 && part.codePoints().allMatch(Character::isIdeographic)) {
                    t.add(part);
                }
            }
        }
        terms.addAll(t);
        Collections.sort(terms);
        Collections.shuffle(terms, random);
        for (String pair : words.list("synonyms")) {
            String[] ab = pair.split(":");
            synonyms.put(ab[0], ab[1]);
            synonyms.put(ab[1], ab[0]);
        }
        for (int i = 0; i < Math.max(5, s.size() / 2000); i++) {
            agencies.add(entity(words.one("cities", random).substring(0, 2) + name(3) + words.one("agencies", random),
                    address(null)));
        }
        for (int i = 0; i < Math.max(3, s.size() / 3000); i++) {
            incubators.add(city() + words.one("roads", random) + (random.nextInt(300) + 1) + "\u53f7");
        }
        if (s.size() >= 5000) {
            for (int i = 0; i < s.size() / 20000 + 1; i++) {
                registeredOffices.add(city() + words.one("roads", random) + (random.nextInt(300) + 1) + "\u53f7"
                        + (random.nextInt(20) + 1) + "\u697c" + (random.nextInt(900) + 100) + "\u5ba4");
            }
        }
    }

    /** A filing under construction. */
    private static final class Doc {
        String title;
        List<String> sentences = new ArrayList<>();
        List<String> steps = new ArrayList<>();
        List<String> dependents = new ArrayList<>();
        String applicationNo;
        List<Entity> applicants = new ArrayList<>();
        Entity agency;
        String phone;
        String email;
    }

    /** An applicant or agency with its contact details. */
    private record Entity(String name, String creditCode, String address, String phone, String email) {
    }

    /** Writes the corpus and its truth (one {"rule","subjects"} a line); returns the number of filings. */
    public int write(Path patents, Path truth) {
        try (BufferedWriter out = Files.newBufferedWriter(patents, StandardCharsets.UTF_8);
             BufferedWriter t = Files.newBufferedWriter(truth, StandardCharsets.UTF_8)) {
            int planted = 0;
            List<Doc> recent = new ArrayList<>();
            while (serial < s.size()) {
                double r = random.nextDouble();
                double share = s.duplicateGroups() + s.combinations() + s.generated() + s.splitControllers();
                if (r >= share || recent.size() < 10) {
                    Doc d = background();
                    emit(out, d);
                    if (recent.size() < 200) {
                        recent.add(d);
                    } else {
                        recent.set(random.nextInt(200), d);
                    }
                    continue;
                }
                planted++;
                r /= share;
                if (r < s.duplicateGroups() / share) {
                    Doc base = background();
                    emit(out, base);
                    List<String> group = new ArrayList<>(List.of(base.applicationNo));
                    int copies = 1 + random.nextInt(4);
                    for (int i = 0; i < copies; i++) {
                        Doc c = copy(base, s.editStrength());
                        emit(out, c);
                        group.add(c.applicationNo);
                    }
                    truth(t, Rule.P1_DUPLICATE, group);
                } else if (r < (s.duplicateGroups() + s.combinations()) / share) {
                    int k = random.nextDouble() < 0.7 ? 2 : 3;
                    List<Doc> sources = new ArrayList<>();
                    while (sources.size() < k) {
                        Doc d = recent.get(random.nextInt(recent.size()));
                        if (!sources.contains(d)) {
                            sources.add(d);
                        }
                    }
                    Doc c = combine(sources);
                    emit(out, c);
                    List<String> subjects = new ArrayList<>(List.of(c.applicationNo));
                    sources.forEach(d -> subjects.add(d.applicationNo));
                    truth(t, Rule.P1_COMBINATION, subjects);
                } else if (r < (s.duplicateGroups() + s.combinations() + s.generated()) / share) {
                    Doc d = salad();
                    emit(out, d);
                    truth(t, Rule.P4_GENERATED, List.of(d.applicationNo));
                } else {
                    truth(t, Rule.P6_SPLIT, split(out));
                }
            }
            return serial;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void truth(BufferedWriter t, Rule rule, List<String> subjects) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", rule.name());
        m.put("subjects", subjects);
        t.write(Jsonl.writeValue(m));
        t.write('\n');
    }

    private Doc background() {
        Doc d = new Doc();
        if (realNext < real.size() && random.nextDouble() < 0.5) {
            RealPatents.RealPatent p = real.get(realNext++);
            d.title = p.title();
            for (String sentence : p.abstractText().split("(?<=\u3002)")) {
                if (!sentence.isBlank()) {
                    d.sentences.add(sentence);
                }
            }
            int n = 2 + random.nextInt(4);
            for (int i = 0; i < n; i++) {
                d.steps.add(step());
            }
        } else {
            d.title = words.one("kindWord", random) + term() + term() + words.one("method", random);
            int n = 3 + random.nextInt(4);
            for (int i = 0; i < n; i++) {
                d.steps.add(step());
            }
            d.sentences.add(words.one("lead", random) + d.title + "\uff0c\u5305\u62ec\uff1a" + d.steps.get(0) + "\u3002");
            for (int i = 1; i < n; i++) {
                d.sentences.add(step() + "\uff0c" + words.one("connect", random) + step() + "\u3002");
            }
            d.sentences.add(words.one("tail", random));
        }
        int deps = 2 + random.nextInt(5);
        for (int i = 0; i < deps; i++) {
            d.dependents.add(dependent());
        }
        file(d, ordinaryApplicant());
        return d;
    }

    private Doc copy(Doc base, double strength) {
        Doc c = new Doc();
        c.title = tweak(base.title, strength / 2);
        List<String> sentences = new ArrayList<>();
        for (String sentence : base.sentences) {
            if (random.nextDouble() < strength / 4 && base.sentences.size() > 3) {
                continue;
            }
            sentences.add(tweak(sentence, strength));
        }
        if (sentences.size() > 2 && random.nextDouble() < strength * 2) {
            Collections.shuffle(sentences.subList(1, sentences.size()), random);
        }
        if (random.nextDouble() < strength) {
            sentences.add(random.nextInt(sentences.size() + 1), step() + "\u3002");
        }
        c.sentences = sentences;
        for (String st : base.steps) {
            c.steps.add(tweak(st, strength));
        }
        if (random.nextDouble() < strength * 2) {
            Collections.shuffle(c.steps, random);
        }
        for (String dep : base.dependents) {
            c.dependents.add(tweak(dep, strength));
        }
        Collections.shuffle(c.dependents, random);
        file(c, random.nextBoolean() ? base.applicants.get(0) : ordinaryApplicant());
        return c;
    }

    private Doc combine(List<Doc> sources) {
        Doc c = new Doc();
        c.title = tweak(sources.get(0).title, 0.1);
        int k = sources.size();
        for (int i = 0; i < k; i++) {
            Doc src = sources.get(i);
            int from = src.sentences.size() * i / k;
            int to = Math.max(from + 1, src.sentences.size() * (i + 1) / k);
            for (String sentence : src.sentences.subList(from, Math.min(to, src.sentences.size()))) {
                c.sentences.add(tweak(sentence, 0.1));
            }
            int sf = src.steps.size() * i / k;
            int st = Math.max(sf + 1, src.steps.size() * (i + 1) / k);
            for (String step : src.steps.subList(sf, Math.min(st, src.steps.size()))) {
                c.steps.add(tweak(step, 0.1));
            }
            for (String dep : src.dependents.subList(0, Math.min(src.dependents.size(), 2 + random.nextInt(2)))) {
                c.dependents.add(tweak(dep, 0.1));
            }
        }
        file(c, ordinaryApplicant());
        return c;
    }

    private Doc salad() {
        Doc d = new Doc();
        d.title = saladText(12 + random.nextInt(10));
        int n = 4 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            d.sentences.add(saladText(25 + random.nextInt(30)) + "\u3002");
        }
        int steps = 2 + random.nextInt(3);
        for (int i = 0; i < steps; i++) {
            d.steps.add(saladText(20 + random.nextInt(20)));
        }
        int deps = 2 + random.nextInt(4);
        for (int i = 0; i < deps; i++) {
            d.dependents.add(saladText(20 + random.nextInt(20)) + "\u3002");
        }
        file(d, ordinaryApplicant());
        return d;
    }

    /**
     * Chunks of 2..6 characters (the settings' chunk lengths) cut from random real abstracts, thrown together; or,
     * with a salad order n &gt; 0, a character Markov chain: each next character drawn from those that follow the
     * last n characters somewhere in the real abstracts (a new random start where none follows).
     */
    private String saladText(int length) {
        if (s.saladOrder() > 0) {
            return markovText(length);
        }
        StringBuilder b = new StringBuilder();
        while (b.length() < length) {
            String a = real.get(random.nextInt(real.size())).abstractText();
            int len = s.saladMinChunk() + random.nextInt(s.saladMaxChunk() - s.saladMinChunk() + 1);
            int at = random.nextInt(Math.max(1, a.length() - len));
            String chunk = a.substring(at, Math.min(a.length(), at + len)).replaceAll("[\u3002\uff1b\uff0c\uff1a]", "");
            b.append(chunk);
            if (random.nextDouble() < 0.15) {
                b.append('\uff0c');
            }
        }
        return b.toString();
    }

    /** Context of n characters → the characters that follow it in the real abstracts (with repeats), built once. */
    private Map<String, StringBuilder> chain;

    private String markovText(int length) {
        int n = s.saladOrder();
        if (chain == null) {
            chain = new HashMap<>();
            for (RealPatents.RealPatent p : real) {
                String a = p.abstractText().replace("\u3002", "");
                for (int i = n; i < a.length(); i++) {
                    chain.computeIfAbsent(a.substring(i - n, i), k -> new StringBuilder()).append(a.charAt(i));
                }
            }
        }
        StringBuilder b = new StringBuilder();
        while (b.length() < length) {
            StringBuilder next = b.length() < n ? null : chain.get(b.substring(b.length() - n));
            if (next == null) {
                String a = real.get(random.nextInt(real.size())).abstractText().replace("\u3002", "");
                int at = random.nextInt(Math.max(1, a.length() - n));
                b.append(a, at, Math.min(a.length(), at + n));
            } else {
                b.append(next.charAt(random.nextInt(next.length())));
            }
        }
        return b.toString();
    }

    private List<String> split(BufferedWriter out) throws IOException {
        String phone = phone();
        String email = "ctl" + (entitySerial++) + "@" + name(0).hashCode() % 1000 + "mail.com";
        String place = city() + words.one("roads", random) + (random.nextInt(500) + 1) + "\u53f7";
        int floor = random.nextInt(12) + 1;
        int room = floor * 100 + random.nextInt(30) + 1;
        int k = 2 + random.nextInt(4);
        List<String> apps = new ArrayList<>();
        Entity agency = random.nextBoolean() ? agencies.get(random.nextInt(agencies.size())) : null;
        for (int i = 0; i < k; i++) {
            int tie = i == 0 ? random.nextInt(3) : random.nextInt(3);
            String address = tie == 2 || i == 0 ? writeAddress(place, floor, room) : address(null);
            Entity e = entity(name(2) + words.one("companySuffix", random), address);
            int filings = 1 + random.nextInt(3);
            for (int f = 0; f < filings; f++) {
                Doc d = background();
                d.applicants = List.of(e);
                d.agency = agency;
                d.phone = tie == 0 || (tie == 2 && random.nextBoolean()) ? phone : e.phone();
                d.email = tie == 1 ? email : e.email();
                if (i > 0 && f == 0 && tie != 2) {
                    // keep the cluster connected: this entity's first filing carries the controller's tie
                    if (tie == 0) {
                        d.phone = phone;
                    } else {
                        d.email = email;
                    }
                }
                if (i == 0 && f == 0) {
                    d.phone = phone;
                    d.email = email;
                }
                emit(out, d);
                apps.add(d.applicationNo);
            }
        }
        return apps;
    }

    private void file(Doc d, Entity applicant) {
        d.applicants = new ArrayList<>(List.of(applicant));
        if (random.nextDouble() < 0.1) {
            d.applicants.add(ordinaryApplicant());
        }
        if (random.nextDouble() < 0.6) {
            d.agency = agencies.get(random.nextInt(agencies.size()));
        }
        boolean agencyContact = d.agency != null && random.nextDouble() < 0.5;
        d.phone = agencyContact ? d.agency.phone() : applicant.phone();
        d.email = agencyContact ? d.agency.email() : applicant.email();
    }

    private void emit(BufferedWriter out, Doc d) throws IOException {
        d.applicationNo = String.format("CN2024%08d", ++serial);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("applicationNo", d.applicationNo);
        m.put("kind", "INVENTION");
        m.put("filingDate", String.format("2024-%02d-%02d", 1 + random.nextInt(12), 1 + random.nextInt(28)));
        m.put("title", d.title);
        m.put("abstract", String.join("", d.sentences));
        m.put("claims", claims(d));
        m.put("ipc", List.of("G06F"));
        List<Map<String, String>> applicants = new ArrayList<>();
        for (Entity e : d.applicants) {
            applicants.add(Map.of("name", e.name(), "address", e.address(), "creditCode", e.creditCode()));
        }
        m.put("applicants", applicants);
        m.put("inventors", List.of(name(2), name(2)));
        m.put("agency", d.agency == null ? "" : d.agency.name());
        m.put("contactPhone", d.phone);
        m.put("contactEmail", d.email);
        out.write(Jsonl.writeValue(m));
        out.write('\n');
    }

    private String claims(Doc d) {
        StringBuilder b = new StringBuilder(words.one("claim1", random).replace("{T}", d.title));
        for (int i = 0; i < d.steps.size(); i++) {
            b.append(words.list("stepOpen")[0].replace("{N}", String.valueOf(i + 1))).append(d.steps.get(i))
                    .append(i + 1 < d.steps.size() ? "\uff1b" : "\u3002");
        }
        for (int i = 0; i < d.dependents.size(); i++) {
            b.append(i + 2).append('.').append(words.list("claimDep")[0].replace("{N}", String.valueOf(1 + random.nextInt(i + 1)))
                    .replace("{T}", d.title)).append(d.dependents.get(i));
        }
        return b.toString();
    }

    private String step() {
        String v = words.one("verbs", random);
        return v + term() + "\u7684" + words.one("nouns", random)
                + (random.nextBoolean() ? "\uff0c" + words.one("verbs", random) + term() : "");
    }

    private String dependent() {
        String pattern = switch (random.nextInt(3)) {
            case 0 -> words.list("contains")[0];
            case 1 -> words.list("using")[0];
            default -> words.list("by")[0];
        };
        return pattern.replace("{A}", term()).replace("{B}", words.one("nouns", random)).replace("{C}", term())
                .replace("{V}", words.one("verbs", random));
    }

    private String term() {
        return random.nextInt(3) == 0 ? words.one("nouns", random) : terms.get(random.nextInt(terms.size()));
    }

    /** Copy-and-tweak: synonym swaps and changed numbers at the given strength. */
    private String tweak(String text, double strength) {
        StringBuilder b = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            String swapped = null;
            for (int len = 4; len >= 2 && swapped == null; len--) {
                if (i + len <= text.length()) {
                    String w = text.substring(i, i + len);
                    if (synonyms.containsKey(w) && random.nextDouble() < strength * 1.5) {
                        swapped = synonyms.get(w);
                        b.append(swapped);
                        i += len;
                    }
                }
            }
            if (swapped != null) {
                continue;
            }
            char c = text.charAt(i);
            b.append(Character.isDigit(c) && random.nextDouble() < 0.5 ? (char) ('0' + random.nextInt(10)) : c);
            i++;
        }
        return b.toString();
    }

    private Entity ordinaryApplicant() {
        if (!normal.isEmpty() && random.nextDouble() < 0.3) {
            return normal.get(random.nextInt(normal.size()));
        }
        String address;
        double r = random.nextDouble();
        if (r < 0.1) {
            address = incubators.get(random.nextInt(incubators.size())) + (random.nextInt(20) + 1) + "\u697c"
                    + (random.nextInt(900) + 100) + "\u5ba4";
        } else if (r < 0.12 && !registeredOffices.isEmpty()) {
            address = registeredOffices.get(random.nextInt(registeredOffices.size()));
        } else {
            address = address(null);
        }
        Entity e = entity(name(2) + words.one("companySuffix", random), address);
        normal.add(e);
        return e;
    }

    private Entity entity(String name, String address) {
        entitySerial++;
        return new Entity(name, creditCode(), address, phone(),
                "ip" + entitySerial + "@" + (char) ('a' + random.nextInt(26)) + "corp.com");
    }

    private String address(String ignored) {
        return writeAddress(city() + words.one("roads", random) + (random.nextInt(900) + 1) + "\u53f7",
                random.nextInt(25) + 1, random.nextInt(2000) + 100);
    }

    /** One place written one of the ways people write it: province or not, 3楼/三层/3F, 301室/301, full width. */
    private String writeAddress(String place, int floor, int room) {
        String p = place;
        String cityPart = p.substring(0, 2);
        String province = "";
        for (String pair : words.list("provinceOf")) {
            if (pair.startsWith(cityPart)) {
                province = pair.substring(pair.indexOf(':') + 1);
            }
        }
        if (random.nextBoolean()) {
            p = province + p;
        }
        if (random.nextDouble() < 0.3) {
            p = p.replaceFirst("\u5e02", "");
        }
        String floorText = switch (random.nextInt(3)) {
            case 0 -> floor + "\u697c";
            case 1 -> (floor <= 12 ? words.list("floorCn")[floor - 1] : String.valueOf(floor)) + "\u5c42";
            default -> floor + "F";
        };
        String roomText = room + words.one("room", random);
        String a = p + floorText + (floorText.endsWith("F") && random.nextBoolean() ? "-" : "") + roomText;
        if (random.nextDouble() < 0.2) {
            StringBuilder w = new StringBuilder();
            for (char c : a.toCharArray()) {
                w.append(c >= '0' && c <= '9' ? (char) (c + 0xFEE0) : c);
            }
            a = w.toString();
        }
        return a;
    }

    private String city() {
        return words.one("cities", random);
    }

    private String name(int chars) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < chars; i++) {
            b.append(words.one("nameChars", random));
        }
        return b.toString();
    }

    private String phone() {
        return "1" + (3 + random.nextInt(6)) + String.format("%09d", random.nextInt(1_000_000_000));
    }

    private String creditCode() {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder b = new StringBuilder("91");
        for (int i = 0; i < 16; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
