package org.zhibao.screening.spark;

import static org.zhibao.screening.patent.PatentScreening.RARE_DF;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.zhibao.screening.patent.CombinationCover;
import org.zhibao.screening.patent.CombinationCover.Shingles;
import org.zhibao.screening.patent.DuplicateDecision;
import org.zhibao.screening.patent.MinHashBands;
import scala.Tuple2;

/**
 * P1 on Spark, the engine's method spread over the cluster:
 * <ol>
 * <li>document frequency of every sampled shingle (reduceByKey) and its weight ln(N/df), as the engine's Weights;</li>
 * <li>each application's weighted shingle vector (the postings joined back, grouped by application);</li>
 * <li>candidate keys: the rare shingles (2 ≤ df ≤ {@code RARE_DF}); each proposes the pairs of its ≤ 100
 *     holders, counted per pair (reduceByKey) and kept when they share at least max(2, 5 % of the shorter);
 *     and the engine's {@link MinHashBands} keys: each bucket pairs every holder with the next
 *     {@code MinHashBands.WINDOW} in input order, pairs verified whatever they share;</li>
 * <li>verification of each candidate pair on the two weighted vectors (joined in) and the engine's
 *     {@link DuplicateDecision#keep};</li>
 * <li>combinations: per target with two or more possible sources, the engine's {@link CombinationCover}, and
 *     {@link CombinationCover#mutualExclusions} over them on the driver (the beaten decided again);</li>
 * <li>duplicate edges: the engine's {@link DuplicateDecision#duplicate}. Only these edges go to the driver, where
 *     union-find makes the groups: there are
 *     about as many as planted copies (a few per cent of N), so millions of applications give a list of a few
 *     hundred thousand longs. A corpus where that does not fit would need a distributed connected-components pass
 *     (GraphFrames or iterative min-label propagation), not done here.</li>
 * </ol>
 * The decisions are the engine's public API, not copies. Sums of weights are taken in shingle-hash order, the engine's in
 * its dense-id order: results can differ only for a pair exactly on a threshold (to the last bit of a double).
 */
final class DuplicateStage {

    private final JavaSparkContext sc;
    private final int partitions;

    DuplicateStage(JavaSparkContext sc, int partitions) {
        this.sc = sc;
        this.partitions = partitions;
    }

    /** A verified pair: weighted Jaccard and how much of each the other covers (a &lt; b, input line indexes). */
    record Pair(long a, long b, double similarity, double aCoveredByB, double bCoveredByA) implements Serializable {
    }

    record Result(List<Pair> edges, List<CombinationCover.Cover> combinations) {
    }

    /** Marks a pair that collided in a MinHash band: verified whatever the number of shared rare shingles. */
    static final int BANDED = Integer.MIN_VALUE;

    Result run(JavaRDD<Doc> docs, long n) {
        JavaPairRDD<Integer, Long> postings = docs.flatMapToPair(d -> {
            List<Tuple2<Integer, Long>> out = new ArrayList<>(d.shingles.length);
            for (int h : d.shingles) {
                out.add(new Tuple2<>(h, d.id));
            }
            return out.iterator();
        });
        JavaPairRDD<Integer, Integer> df = postings.mapValues(x -> 1).reduceByKey(Integer::sum, partitions);
        JavaPairRDD<Integer, Tuple2<Long, Integer>> withDf = postings.join(df, partitions);
        withDf.persist(StorageLevel.MEMORY_AND_DISK());

        JavaPairRDD<Long, Shingles> vectors = withDf
                .mapToPair(t -> new Tuple2<>(t._2()._1(), ((long) t._1() << 32) | t._2()._2()))
                .groupByKey(partitions)
                .mapToPair(t -> new Tuple2<>(t._1(), vector(t._1(), t._2(), n)));
        vectors.persist(StorageLevel.MEMORY_AND_DISK());

        // each rare shingle hands each holder the holders after it (the engine's postings.from(id, d + 1));
        // each application then counts its co-holders locally, so the shuffle carries arrays, not one record a pair
        JavaPairRDD<Long, Integer> rareShared = withDf
                .filter(t -> t._2()._2() >= 2 && t._2()._2() <= RARE_DF)
                .mapToPair(t -> new Tuple2<>(t._1(), t._2()._1()))
                .groupByKey(partitions)
                .flatMapToPair(t -> {
                    long[] holders = sortedLongs(t._2());
                    List<Tuple2<Long, long[]>> out = new ArrayList<>(holders.length - 1);
                    for (int i = 0; i + 1 < holders.length; i++) {
                        out.add(new Tuple2<>(holders[i], Arrays.copyOfRange(holders, i + 1, holders.length)));
                    }
                    return out.iterator();
                })
                .groupByKey(partitions)
                .flatMapToPair(t -> {
                    Map<Long, int[]> counts = new HashMap<>();
                    for (long[] later : t._2()) {
                        for (long e : later) {
                            counts.computeIfAbsent(e, k -> new int[1])[0]++;
                        }
                    }
                    List<Tuple2<Long, Integer>> out = new ArrayList<>();
                    counts.forEach((e, c) -> {
                        if (c[0] >= 2) {
                            out.add(new Tuple2<>(t._1() << 32 | e, c[0]));
                        }
                    });
                    return out.iterator();
                });

        // MinHash band keys: (band, key) -> holders in input order -> each with the next WINDOW holders
        JavaPairRDD<Long, Integer> banded = vectors
                .flatMapToPair(t -> {
                    int[] keys = MinHashBands.keys(t._2().keys(), t._2().weights());
                    List<Tuple2<Long, Long>> out = new ArrayList<>(keys.length);
                    for (int band = 0; band < keys.length; band++) {
                        out.add(new Tuple2<>(((long) band << 32) | (keys[band] & 0xffffffffL), t._1()));
                    }
                    return out.iterator();
                })
                .groupByKey(partitions)
                .flatMapToPair(t -> {
                    long[] holders = sortedLongs(t._2());
                    List<Tuple2<Long, Integer>> out = new ArrayList<>();
                    for (int i = 0; i < holders.length; i++) {
                        for (int j = i + 1; j < holders.length && j <= i + MinHashBands.WINDOW; j++) {
                            out.add(new Tuple2<>(holders[i] << 32 | holders[j], BANDED));
                        }
                    }
                    return out.iterator();
                });
        JavaPairRDD<Long, Integer> shared = rareShared.union(banded)
                .reduceByKey((x, y) -> x == BANDED || y == BANDED ? BANDED : x + y, partitions);

        JavaRDD<Pair> pairs = shared
                .mapToPair(t -> new Tuple2<>(t._1() >>> 32, new Tuple2<>(t._1() & 0xffffffffL, t._2())))
                .join(vectors, partitions)
                .mapToPair(t -> new Tuple2<>(t._2()._1()._1(), new Tuple2<>(t._2()._2(), t._2()._1()._2())))
                .join(vectors, partitions)
                .map(t -> verify(t._2()._1()._1(), t._2()._2(), t._2()._1()._2()))
                .filter(p -> p != null);
        pairs.persist(StorageLevel.MEMORY_AND_DISK());

        List<CombinationCover.Cover> combinations = combinations(pairs, vectors);
        Set<Long> combined = new HashSet<>();
        combinations.forEach(c -> combined.add(c.target()));
        Broadcast<Set<Long>> isCombined = sc.broadcast(combined);
        List<Pair> edges = new ArrayList<>(pairs.filter(p -> DuplicateDecision.duplicate(p.aCoveredByB(), p.bCoveredByA(),
                isCombined.value().contains(p.a()) || isCombined.value().contains(p.b()))).collect());
        edges.sort((x, y) -> x.a() != y.a() ? Long.compare(x.a(), y.a()) : Long.compare(x.b(), y.b()));
        pairs.unpersist();
        vectors.unpersist();
        withDf.unpersist();
        isCombined.destroy();
        return new Result(edges, combinations);
    }

    /** Packed (hash, df) postings of one application into its weighted vector; weights as the engine's (float). */
    static Shingles vector(long id, Iterable<Long> packed, long n) {
        long[] p = sortedLongs(packed);
        int[] hashes = new int[p.length];
        float[] weights = new float[p.length];
        double total = 0;
        for (int i = 0; i < p.length; i++) {
            hashes[i] = (int) (p[i] >> 32);
            int df = (int) p[i];
            weights[i] = (float) Math.max(0, Math.log((double) n / df));
            total += weights[i];
        }
        return new Shingles(id, hashes, weights, total);
    }

    private static long[] sortedLongs(Iterable<Long> values) {
        List<Long> list = new ArrayList<>();
        values.forEach(list::add);
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i);
        }
        Arrays.sort(out);
        return out;
    }

    /** The engine's verification of a candidate pair (same prefilter, same measures, same cut). */
    static Pair verify(Shingles a, Shingles b, int shared) {
        if (shared != BANDED && shared < Math.max(2, 0.05 * Math.min(a.keys().length, b.keys().length))) {
            return null;
        }
        double inter = a.intersection(b);
        double wa = a.total();
        double wb = b.total();
        double ca = inter / wa;
        double cb = inter / wb;
        if (DuplicateDecision.keep(ca, cb)) {
            return new Pair(a.id(), b.id(), inter / (wa + wb - inter), ca, cb);
        }
        return null;
    }

    /** Targets with two or more possible sources, with the vectors of all involved, decided by the engine's cover. */
    private List<CombinationCover.Cover> combinations(JavaRDD<Pair> pairs, JavaPairRDD<Long, Shingles> vectors) {
        JavaPairRDD<Long, Long> sourceOf = pairs.flatMapToPair(p -> {
            List<Tuple2<Long, Long>> out = new ArrayList<>(2);
            if (CombinationCover.mayBeSource(p.aCoveredByB())) {
                out.add(new Tuple2<>(p.a(), p.b()));
            }
            if (CombinationCover.mayBeSource(p.bCoveredByA())) {
                out.add(new Tuple2<>(p.b(), p.a()));
            }
            return out.iterator();
        });
        JavaPairRDD<Long, Iterable<Long>> options = sourceOf.groupByKey(partitions).filter(t -> t._2().iterator().hasNext()
                && count(t._2()) >= 2);
        JavaPairRDD<Long, Iterable<Shingles>> optionVectors = options
                .flatMapToPair(t -> {
                    List<Tuple2<Long, Long>> out = new ArrayList<>();
                    t._2().forEach(o -> out.add(new Tuple2<>(o, t._1())));
                    return out.iterator();
                })
                .join(vectors, partitions)
                .mapToPair(t -> new Tuple2<>(t._2()._1(), t._2()._2()))
                .groupByKey(partitions);
        optionVectors.persist(StorageLevel.MEMORY_AND_DISK());
        JavaPairRDD<Long, Tuple2<Iterable<Shingles>, Shingles>> withTarget = optionVectors.join(vectors, partitions);
        List<CombinationCover.Cover> covers = withTarget
                .map(t -> cover(t._2()._2(), t._2()._1(), Set.of()))
                .filter(c -> c != null)
                .collect();
        // a filing is not combined from its own combination: the few beaten covers are decided again without it
        Map<Long, Set<Long>> exclusions = CombinationCover.mutualExclusions(covers);
        Map<Long, CombinationCover.Cover> decidedAgain = new HashMap<>();
        if (!exclusions.isEmpty()) {
            Broadcast<Map<Long, Set<Long>>> excluded = sc.broadcast(exclusions);
            withTarget.filter(t -> excluded.value().containsKey(t._1()))
                    .map(t -> cover(t._2()._2(), t._2()._1(), excluded.value().get(t._1())))
                    .filter(c -> c != null)
                    .collect()
                    .forEach(c -> decidedAgain.put(c.target(), c));
            excluded.destroy();
        }
        optionVectors.unpersist();
        return CombinationCover.resolved(covers, exclusions, decidedAgain);
    }

    private static int count(Iterable<?> values) {
        int c = 0;
        for (Object ignored : values) {
            c++;
        }
        return c;
    }

    /** The engine's combination decision, its options in ascending input order (the engine's order of its pairs). */
    static CombinationCover.Cover cover(Shingles target, Iterable<Shingles> optionVectors, Set<Long> excluded) {
        List<Shingles> options = new ArrayList<>();
        optionVectors.forEach(options::add);
        options.sort((x, y) -> Long.compare(x.id(), y.id()));
        return CombinationCover.of(target, options, excluded);
    }
}
