package org.zhibao.screening.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.zhibao.screening.Finding;
import org.zhibao.screening.PatentRecord;
import org.zhibao.screening.Rule;
import org.zhibao.screening.Shingler;
import org.zhibao.screening.UnionFind;
import org.zhibao.screening.patent.ContentProfile;
import org.zhibao.screening.patent.GeneratedTextRule;
import org.zhibao.screening.patent.SharedPassages;

/**
 * The P1 and P4 findings with the engine's evidence, built on the driver: the few flagged applications are read
 * back from the input (as the engine does), and the shared passages come from the engine's {@link SharedPassages}.
 */
final class Evidence {

    private static final int PAIRS_SHOWN = 20;

    private final Map<Long, String> applicationNos;
    private final Map<Long, PatentRecord> records;
    private final Shingler shingler = Shingler.standard();
    private final GeneratedTextRule language = GeneratedTextRule.reference();

    private Evidence(Map<Long, String> applicationNos, Map<Long, PatentRecord> records) {
        this.applicationNos = applicationNos;
        this.records = records;
    }

    /** Application numbers of every application in a finding, full records of those whose evidence shows text. */
    static Evidence fetch(JavaSparkContext sc, JavaPairRDD<String, Long> numbered, JavaRDD<Doc> docs,
                          DuplicateStage.Result p1, List<Long> generated) {
        Set<Long> named = new HashSet<>();
        Set<Long> read = new HashSet<>(generated);
        Map<Long, List<DuplicateStage.Pair>> edgesFrom = edgesFrom(p1.edges());
        for (long[] group : groupIds(p1.edges())) {
            int shown = 0;
            for (long a : group) {
                named.add(a);
                for (DuplicateStage.Pair p : edgesFrom.getOrDefault(a, List.of())) {
                    if (shown++ < PAIRS_SHOWN) {
                        read.add(p.a());
                        read.add(p.b());
                    }
                }
            }
        }
        for (org.zhibao.screening.patent.CombinationCover.Cover c : p1.combinations()) {
            read.add(c.target());
            for (long s : c.sources()) {
                read.add(s);
            }
        }
        named.addAll(read);
        Broadcast<Set<Long>> wanted = sc.broadcast(named);
        Map<Long, String> numbers = new HashMap<>(docs.filter(d -> wanted.value().contains(d.id))
                .mapToPair(d -> new scala.Tuple2<>(d.id, d.applicationNo)).collectAsMap());
        wanted.destroy();
        return new Evidence(numbers, SparkScreening.records(sc, numbered, read));
    }

    private record Groups(long[] ids, List<int[]> groups) {
    }

    /** Union-find over the verified edges: the members of each group, ascending, groups by smallest member. */
    static Groups groups(List<DuplicateStage.Pair> edges) {
        long[] ids = edges.stream().flatMapToLong(p -> Arrays.stream(new long[] {p.a(), p.b()})).distinct().sorted().toArray();
        UnionFind uf = new UnionFind(ids.length);
        for (DuplicateStage.Pair p : edges) {
            uf.union(Arrays.binarySearch(ids, p.a()), Arrays.binarySearch(ids, p.b()));
        }
        return new Groups(ids, uf.groups());
    }

    static List<long[]> groupIds(List<DuplicateStage.Pair> edges) {
        Groups g = groups(edges);
        List<long[]> out = new ArrayList<>();
        for (int[] group : g.groups()) {
            out.add(Arrays.stream(group).mapToLong(i -> g.ids()[i]).toArray());
        }
        return out;
    }

    private static Map<Long, List<DuplicateStage.Pair>> edgesFrom(List<DuplicateStage.Pair> edges) {
        Map<Long, List<DuplicateStage.Pair>> out = new HashMap<>();
        for (DuplicateStage.Pair p : edges) {
            out.computeIfAbsent(p.a(), k -> new ArrayList<>()).add(p);
        }
        return out;
    }

    /** P1_DUPLICATE: one finding per connected group of verified duplicate edges (edges sorted by a, then b). */
    List<Finding> duplicates(List<DuplicateStage.Pair> edges) {
        Map<Long, List<DuplicateStage.Pair>> from = edgesFrom(edges);
        List<Finding> out = new ArrayList<>();
        for (long[] group : groupIds(edges)) {
            List<Map<String, Object>> pairEvidence = new ArrayList<>();
            double sum = 0;
            int count = 0;
            double min = 1;
            for (long a : group) {
                for (DuplicateStage.Pair p : from.getOrDefault(a, List.of())) {
                    sum += p.similarity();
                    count++;
                    min = Math.min(min, p.similarity());
                    if (pairEvidence.size() < PAIRS_SHOWN) {
                        PatentRecord ra = records.get(p.a());
                        PatentRecord rb = records.get(p.b());
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("applications", List.of(ra.applicationNo(), rb.applicationNo()));
                        m.put("similarity", round(p.similarity()));
                        m.put("sharedPassages", SharedPassages.between(ra, ContentProfile.of(ra, shingler), rb,
                                ContentProfile.of(rb, shingler), 8));
                        pairEvidence.add(m);
                    }
                }
            }
            List<String> subjects = Arrays.stream(group).mapToObj(applicationNos::get).sorted().toList();
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("similarity", round(sum / Math.max(1, count)));
            evidence.put("minimumPairSimilarity", round(min));
            evidence.put("measure", "IDF-weighted Jaccard of 3-character shingles (boilerplate weighs ~0)");
            evidence.put("pairs", pairEvidence);
            out.add(new Finding(Rule.P1_DUPLICATE, subjects, sum / Math.max(1, count), evidence));
        }
        return out;
    }

    List<Finding> combinations(List<org.zhibao.screening.patent.CombinationCover.Cover> combinations) {
        List<Finding> out = new ArrayList<>();
        for (org.zhibao.screening.patent.CombinationCover.Cover c : combinations) {
            PatentRecord rc = records.get(c.target());
            ContentProfile pc = ContentProfile.of(rc, shingler);
            List<Map<String, Object>> sourceEvidence = new ArrayList<>();
            List<String> subjects = new ArrayList<>();
            subjects.add(rc.applicationNo());
            for (int k = 0; k < c.sources().length; k++) {
                PatentRecord rs = records.get(c.sources()[k]);
                subjects.add(rs.applicationNo());
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("source", rs.applicationNo());
                m.put("covers", round(c.shares()[k]));
                m.put("passages", SharedPassages.between(rc, pc, rs, ContentProfile.of(rs, shingler), 6));
                sourceEvidence.add(m);
            }
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("coverage", round(c.coverage()));
            evidence.put("sources", sourceEvidence);
            out.add(new Finding(Rule.P1_COMBINATION, subjects, c.coverage(), evidence));
        }
        return out;
    }

    List<Finding> generated(List<Long> flagged, GeneratedTextRule.CorpusNorm norm) {
        List<Finding> out = new ArrayList<>();
        for (long id : flagged) {
            PatentRecord r = records.get(id);
            Finding f = language.decide(r.applicationNo(), language.measure(r), norm);
            Map<String, Object> evidence = new LinkedHashMap<>(f.evidence());
            evidence.put("worstPassages", language.worstPassages(r, 3));
            out.add(new Finding(f.rule(), f.subjects(), f.score(), evidence));
        }
        return out;
    }

    static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
