package org.zhibao.screening.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.zhibao.screening.Finding;
import org.zhibao.screening.Jsonl;
import org.zhibao.screening.Rule;

/**
 * Precision and recall per rule of findings against planted truth. A finding matches a planted item of its
 * rule when it names the same application for the one-subject rules (P4_GENERATED, T_SQUAT), the same
 * combined application for P1_COMBINATION, and, for the group rules (P1_DUPLICATE, P6_SPLIT, T_MASS), a
 * subject set whose Jaccard similarity with the planted group is at least 0.8.
 */
public final class Evaluation {

    public record Score(Rule rule, int planted, int found, int truePositives, int matchedTruth) {

        public double precision() {
            return found == 0 ? (planted == 0 ? 1 : 0) : (double) truePositives / found;
        }

        public double recall() {
            return planted == 0 ? 1 : (double) matchedTruth / planted;
        }
    }

    private Evaluation() {
    }

    public static List<Finding> readTruth(Path truth) {
        try {
            List<Finding> out = new ArrayList<>();
            for (String line : Files.readAllLines(truth)) {
                if (!line.isBlank()) {
                    var n = Jsonl.readTree(line);
                    List<String> subjects = new ArrayList<>();
                    n.get("subjects").forEach(e -> subjects.add(e.asString()));
                    out.add(new Finding(Rule.valueOf(n.get("rule").asString()), subjects, 1, Map.of()));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<Rule, Score> score(List<Finding> truth, List<Finding> findings, Set<Rule> rules) {
        Map<Rule, Score> out = new EnumMap<>(Rule.class);
        for (Rule rule : rules) {
            List<Finding> t = truth.stream().filter(f -> f.rule() == rule).toList();
            List<Finding> f = findings.stream().filter(x -> x.rule() == rule).toList();
            int tp = 0;
            Set<Integer> matched = new HashSet<>();
            // planted items by subject: only those sharing a subject can match (a million-filing corpus has ~40,000)
            Map<String, List<Integer>> bySubject = new java.util.HashMap<>();
            for (int i = 0; i < t.size(); i++) {
                for (String subject : t.get(i).subjects()) {
                    bySubject.computeIfAbsent(subject, k -> new ArrayList<>()).add(i);
                }
            }
            for (Finding found : f) {
                boolean hit = false;
                Set<Integer> near = new java.util.TreeSet<>();
                for (String subject : found.subjects()) {
                    near.addAll(bySubject.getOrDefault(subject, List.of()));
                }
                for (int i : near) {
                    if (matches(rule, found.subjects(), t.get(i).subjects())) {
                        hit = true;
                        matched.add(i);
                    }
                }
                if (hit) {
                    tp++;
                }
            }
            out.put(rule, new Score(rule, t.size(), f.size(), tp, matched.size()));
        }
        return out;
    }

    static boolean matches(Rule rule, List<String> found, List<String> planted) {
        return switch (rule) {
            case P4_GENERATED, T_SQUAT, P1_COMBINATION -> found.get(0).equals(planted.get(0));
            default -> {
                Set<String> a = new HashSet<>(found);
                Set<String> b = new HashSet<>(planted);
                int inter = (int) a.stream().filter(b::contains).count();
                yield inter >= 0.8 * (a.size() + b.size() - inter);
            }
        };
    }

    public static String table(Map<Rule, Score> scores) {
        StringBuilder b = new StringBuilder(String.format("%-15s %8s %8s %10s %8s%n", "rule", "planted", "found", "precision", "recall"));
        for (Score s : scores.values()) {
            b.append(String.format("%-15s %8d %8d %10.3f %8.3f%n", s.rule(), s.planted(), s.found(), s.precision(), s.recall()));
        }
        return b.toString();
    }

    /**
     * How often each planted kind of trademark case was flagged by the rule: the recall of each kind of squat
     * and the false-alarm rate of each kind of hard negative ({@code <truth>-kinds.jsonl} of the generator).
     */
    public static String kindTable(Path kinds, List<Finding> findings, Rule rule) {
        if (!Files.exists(kinds)) {
            return "";
        }
        Set<String> flagged = new HashSet<>();
        findings.stream().filter(f -> f.rule() == rule).forEach(f -> flagged.add(f.subjects().get(0)));
        Map<String, int[]> byKind = new java.util.TreeMap<>();
        Map<String, Boolean> positive = new java.util.HashMap<>();
        try {
            for (String line : Files.readAllLines(kinds)) {
                if (!line.isBlank()) {
                    var n = Jsonl.readTree(line);
                    String kind = n.get("kind").asString();
                    positive.put(kind, n.get("squat").asBoolean());
                    int[] c = byKind.computeIfAbsent(kind, k -> new int[2]);
                    c[0]++;
                    if (flagged.contains(n.get("applicationNo").asString())) {
                        c[1]++;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder b = new StringBuilder(String.format("%-15s %-17s %8s %8s %8s%n", rule, "planted kind", "planted", "flagged", "rate"));
        for (var e : byKind.entrySet()) {
            b.append(String.format("%-15s %-17s %8d %8d %8.3f%n", positive.get(e.getKey()) ? "  squat" : "  not a squat",
                    e.getKey(), e.getValue()[0], e.getValue()[1], (double) e.getValue()[1] / e.getValue()[0]));
        }
        return b.toString();
    }
}
