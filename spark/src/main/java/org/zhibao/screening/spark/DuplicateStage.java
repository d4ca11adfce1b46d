package org.zhibao.screening.spark;

import static org.zhibao.screening.patent.PatentScreening.MAX_POSTING;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.zhibao.screening.patent.CombinationCover;
import org.zhibao.screening.patent.CombinationCover.Shingles;
import org.zhibao.screening.patent.DuplicateDecision;
import org.zhibao.screening.patent.MinHashBands;
import org.zhibao.screening.patent.PatentScreening;
import org.zhibao.screening.patent.Postings;
import scala.Tuple2;

/**
 * P1 on Spark, the engine's method spread over the cluster:
 * <ol>
 * <li>document frequency of every sampled shingle (reduceByKey) and its weight ln(N/df), as the engine's Weights;</li>
 * <li>each application's weighted shingle vector (the postings joined back, grouped by application);</li>
 * <li>candidate pairs, as the engine's: the shingles each application probes with (its rare shingles, 2 ≤ df ≤
 *     {@code RARE_DF}, or, when it has fewer than {@code SKETCH}, its {@code SKETCH} least frequent ones: the
 *     engine's {@link Postings#probes}); a shingle that at most {@code MAX_POSTING} applications probe with hands
 *     each of them the later ones, counted per application and kept when they share at least max(2, 5 % of the
 *     shorter kept probe list); and the engine's {@link MinHashBands} keys: each bucket pairs every holder with
 *     the next {@code MinHashBands.WINDOW} in input order, and pairs met in {@code MinHashBands.HITS} bands are
 *     verified whatever they share;</li>
 * <li>verification of each candidate pair on the two weighted vectors (in blocks of applications, see
 *     {@link #verified}) and the engine's {@link DuplicateDecision#keep};</li>
 * <li>the engine's targeted search for the rest of partly explained applications ({@link RestSearch}), whose pairs
 *     are verified the same way and added;</li>
 * <li>combinations: per target with two or more possible sources, the engine's {@link CombinationCover}, and
 *     {@link CombinationCover#mutualExclusions} over them on the driver (the beaten decided again);</li>
 * <li>duplicate edges: the engine's {@link DuplicateDecision#duplicate}. Only these edges go to the driver, where
 *     union-find makes the groups: there are
 *     about as many as planted copies (a few per cent of N), so millions of applications give a list of a few
 *     hundred thousand longs. A corpus where that does not fit would need a distributed connected-components pass
 *     (GraphFrames or iterative min-label propagation), not done here.</li>
 * </ol>
 * The choice of probes and the decisions are the engine's public API, not copies. Sums of weights are taken in
 * shingle-hash order, the engine's in its dense-id order: results can differ only for a pair exactly on a threshold
 * (to the last bit of a double); and ties of document frequency among an application's least frequent shingles are
 * broken by hash, the engine's by dense id (see {@link RestSearch}).
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

    Result run(JavaRDD<Doc> docs, long n) {
        JavaPairRDD<Integer, Long> postings = docs.flatMapToPair(d -> {
            List<Tuple2<Integer, Long>> out = new ArrayList<>(d.shingles.length);
            for (int h : d.shingles) {
                out.add(new Tuple2<>(h, d.id));
            }
            return out.iterator();
        });
        JavaPairRDD<Integer, Integer> df = postings.mapValues(x -> 1).reduceByKey(Integer::sum, partitions);
        // (hash, (application, df)), partitioned by hash: the search of the rest reads its holders from here
        JavaPairRDD<Integer, Tuple2<Long, Integer>> withDf = postings.join(df, partitions);
        withDf.persist(StorageLevel.MEMORY_AND_DISK());

        JavaPairRDD<Long, Weighted> weighted = withKey(withDf
                .mapToPair(t -> new Tuple2<>(t._2()._1(), ((long) t._1() << 32) | t._2()._2()))
                .groupByKey(partitions), (id, packed) -> Weighted.of(id, sortedLongs(packed), n));
        weighted.persist(StorageLevel.MEMORY_AND_DISK());

        JavaPairRDD<Long, Shingles> vectors = weighted.mapValues(Weighted::vector);

        // kept for the search of the rest too
        JavaPairRDD<Long, long[]> buckets = bandBuckets(weighted);
        buckets.persist(StorageLevel.MEMORY_AND_DISK());

        JavaPairRDD<Long, long[]> candidates = probeHandouts(weighted).union(bandHandouts(buckets))
                .groupByKey(partitions)
                .mapValues(DuplicateStage::candidates);
        JavaRDD<Pair> found = verified(candidates, vectors, partitions);
        found.persist(StorageLevel.MEMORY_AND_DISK());
        // the engine's rounds of the search of the rest: the first over every application, the next over those a
        // new pair gave a part (PatentScreening.REST_ROUNDS)
        JavaRDD<Pair> pairs = found;
        Broadcast<Set<Long>> only = null;
        List<JavaRDD<Pair>> earlier = new ArrayList<>();
        for (int round = 1; round <= PatentScreening.REST_ROUNDS; round++) {
            RestSearch rest = new RestSearch(partitions);
            JavaRDD<Pair> fresh = verified(rest.candidates(pairs, only, weighted, withDf, buckets), vectors, partitions);
            fresh.persist(StorageLevel.MEMORY_AND_DISK());
            List<long[]> parts = fresh.flatMap(p -> {
                List<long[]> out = new ArrayList<>(2);
                if (PatentScreening.isPart(p.aCoveredByB(), p.bCoveredByA())) {
                    out.add(new long[] {p.a()});
                }
                if (PatentScreening.isPart(p.bCoveredByA(), p.aCoveredByB())) {
                    out.add(new long[] {p.b()});
                }
                return out.iterator();
            }).collect(); // computed once here, so that what the search of the rest kept can be freed
            rest.release();
            if (only != null) {
                only.destroy();
            }
            pairs = pairs.union(fresh);
            earlier.add(fresh);
            Set<Long> next = new HashSet<>();
            parts.forEach(a -> next.add(a[0]));
            if (next.isEmpty()) {
                break;
            }
            only = sc.broadcast(next);
        }
        if (only != null) {
            only.destroy();
        }
        pairs.persist(StorageLevel.MEMORY_AND_DISK());
        pairs.count();
        earlier.forEach(JavaRDD::unpersist);

        List<CombinationCover.Cover> combinations = combinations(pairs, vectors);
        Set<Long> combined = new HashSet<>();
        combinations.forEach(c -> combined.add(c.target()));
        Broadcast<Set<Long>> isCombined = sc.broadcast(combined);
        List<Pair> edges = new ArrayList<>(pairs.filter(p -> DuplicateDecision.duplicate(p.aCoveredByB(), p.bCoveredByA(),
                isCombined.value().contains(p.a()) || isCombined.value().contains(p.b()))).collect());
        edges.sort((x, y) -> x.a() != y.a() ? Long.compare(x.a(), y.a()) : Long.compare(x.b(), y.b()));
        pairs.unpersist();
        found.unpersist();
        buckets.unpersist();
        weighted.unpersist();
        withDf.unpersist();
        isCombined.destroy();
        return new Result(edges, combinations);
    }

    /**
     * What one probe or one band bucket hands one of its applications: the applications after it there.
     *
     * @param banded whether from a band bucket (a candidate whatever it shares) or from a probe
     * @param kept   from a probe: the receiving application's number of kept probes
     * @param later  from a probe: application &lt;&lt; 32 | its number of kept probes; from a bucket: application &lt;&lt; 32
     */
    record Later(boolean banded, int kept, long[] later) implements Serializable {
    }

    /**
     * The probes, as the engine's: each application probes with the shingles {@link Weighted#probeHashes} chooses;
     * a shingle that more than {@code MAX_POSTING} applications probe with proposes nothing, and each other one hands
     * each of its probers the later ones (the engine's {@code postings.from(id, d + 1)}) with their numbers of kept
     * probes, for the prefilter. The shuffle carries arrays, not one record a pair.
     */
    private JavaPairRDD<Long, Later> probeHandouts(JavaPairRDD<Long, Weighted> weighted) {
        JavaPairRDD<Integer, long[]> probers = weighted
                .flatMapToPair(t -> {
                    int[] probes = t._2().probeHashes();
                    List<Tuple2<Integer, Long>> out = new ArrayList<>(probes.length);
                    for (int h : probes) {
                        out.add(new Tuple2<>(h, t._1()));
                    }
                    return out.iterator();
                })
                .groupByKey(partitions)
                .mapValues(DuplicateStage::sortedLongs)
                .filter(t -> t._2().length <= MAX_POSTING);
        JavaPairRDD<Long, Integer> keptProbes = probers
                .flatMapToPair(t -> {
                    List<Tuple2<Long, Integer>> out = new ArrayList<>(t._2().length);
                    for (long d : t._2()) {
                        out.add(new Tuple2<>(d, 1));
                    }
                    return out.iterator();
                })
                .reduceByKey(Integer::sum, partitions);
        // each probe's probers in input order, each with its number of kept probes: application << 32 | kept
        JavaPairRDD<Integer, long[]> counted = probers
                .filter(t -> t._2().length >= 2)
                .flatMapToPair(t -> {
                    List<Tuple2<Long, Integer>> out = new ArrayList<>(t._2().length);
                    for (long d : t._2()) {
                        out.add(new Tuple2<>(d, t._1()));
                    }
                    return out.iterator();
                })
                .join(keptProbes, partitions)
                .mapToPair(t -> new Tuple2<>(t._2()._1(), t._1() << 32 | t._2()._2()))
                .groupByKey(partitions)
                .mapValues(DuplicateStage::sortedLongs);
        return counted.flatMapToPair(t -> {
            long[] p = t._2();
            List<Tuple2<Long, Later>> out = new ArrayList<>(p.length - 1);
            for (int i = 0; i + 1 < p.length; i++) {
                out.add(new Tuple2<>(p[i] >>> 32, new Later(false, (int) p[i], Arrays.copyOfRange(p, i + 1, p.length))));
            }
            return out.iterator();
        });
    }

    /** The engine's MinHash band keys, as buckets: (band &lt;&lt; 32 | key) and its holders in input order. */
    private JavaPairRDD<Long, long[]> bandBuckets(JavaPairRDD<Long, Weighted> weighted) {
        return weighted
                .flatMapToPair(t -> {
                    int[] keys = MinHashBands.keys(t._2().vector().keys(), t._2().vector().weights());
                    List<Tuple2<Long, Long>> out = new ArrayList<>(keys.length);
                    for (int band = 0; band < keys.length; band++) {
                        out.add(new Tuple2<>(((long) band << 32) | (keys[band] & 0xffffffffL), t._1()));
                    }
                    return out.iterator();
                })
                .groupByKey(partitions)
                .mapValues(DuplicateStage::sortedLongs);
    }

    /** The engine's MinHash band pairs: in each bucket every holder with the next {@code WINDOW} in input order. */
    private static JavaPairRDD<Long, Later> bandHandouts(JavaPairRDD<Long, long[]> buckets) {
        return buckets.flatMapToPair(t -> {
            long[] holders = t._2();
            List<Tuple2<Long, Later>> out = new ArrayList<>();
            for (int i = 0; i + 1 < holders.length; i++) {
                long[] later = new long[Math.min(MinHashBands.WINDOW, holders.length - i - 1)];
                for (int j = 0; j < later.length; j++) {
                    later[j] = holders[i + 1 + j] << 32;
                }
                out.add(new Tuple2<>(holders[i], new Later(true, 0, later)));
            }
            return out.iterator();
        });
    }

    /**
     * The later applications one application is verified with, ascending: those in {@code MinHashBands.HITS} of its
     * band buckets (each banded list is one band's), and
     * those sharing at least max(2, 5 % of the shorter of their kept probe lists) of its probes (the engine's
     * prefilter). Shared probes are counted by sorting the handed lists together (run lengths), without boxing.
     */
    static long[] candidates(Iterable<Later> handed) {
        int own = 0;
        int total = 0;
        for (Later l : handed) {
            own = l.banded() ? own : l.kept();
            total += l.later().length;
        }
        long[] probed = new long[total];
        long[] banded = new long[total];
        long[] out = new long[total];
        int probedCount = 0;
        int bandedCount = 0;
        int count = 0;
        for (Later l : handed) {
            for (long e : l.later()) {
                if (l.banded()) {
                    banded[bandedCount++] = e >>> 32;
                } else {
                    probed[probedCount++] = e;
                }
            }
        }
        Arrays.sort(banded, 0, bandedCount);
        for (int i = 0; i < bandedCount; ) {
            int j = i;
            while (j < bandedCount && banded[j] == banded[i]) {
                j++;
            }
            if (j - i >= MinHashBands.HITS) {
                out[count++] = banded[i];
            }
            i = j;
        }
        Arrays.sort(probed, 0, probedCount);
        for (int i = 0; i < probedCount; ) {
            int j = i;
            while (j < probedCount && probed[j] == probed[i]) {
                j++;
            }
            if (j - i >= Math.max(2, 0.05 * Math.min(own, (int) probed[i]))) {
                out[count++] = probed[i] >>> 32;
            }
            i = j;
        }
        Arrays.sort(out, 0, count);
        int unique = 0;
        for (int i = 0; i < count; i++) {
            if (unique == 0 || out[unique - 1] != out[i]) {
                out[unique++] = out[i];
            }
        }
        return Arrays.copyOf(out, unique);
    }

    /**
     * Candidate pairs (each application with the later ones it is verified with) verified on their weighted
     * vectors; those the engine keeps. In blocks, not pair by pair: the applications are dealt into B blocks by
     * input line, and each pair of blocks is one task that receives the vectors of its two blocks and the candidate
     * pairs between them. A vector then moves B times instead of once per candidate pair it is in (at 20,000
     * applications the sketch probes propose 3.5 million pairs, 175 per application); a task holds 2N/B vectors.
     * B(B+1)/2, the number of tasks, is about {@code partitions}.
     */
    static JavaRDD<Pair> verified(JavaPairRDD<Long, long[]> candidates, JavaPairRDD<Long, Shingles> vectors,
            int partitions) {
        int blocks = Math.max(1, (int) Math.sqrt(2.0 * partitions));
        JavaPairRDD<Integer, Long> pairs = candidates.flatMapToPair(t -> {
            long a = t._1();
            List<Tuple2<Integer, Long>> out = new ArrayList<>(t._2().length);
            for (long b : t._2()) {
                out.add(new Tuple2<>(blockPair((int) (a % blocks), (int) (b % blocks)), a << 32 | b));
            }
            return out.iterator();
        });
        JavaPairRDD<Integer, Shingles> dealt = vectors.flatMapToPair(t -> {
            int own = (int) (t._1() % blocks);
            List<Tuple2<Integer, Shingles>> out = new ArrayList<>(blocks);
            for (int other = 0; other < blocks; other++) {
                out.add(new Tuple2<>(blockPair(own, other), t._2()));
            }
            return out.iterator();
        });
        return pairs.cogroup(dealt, blocks * (blocks + 1) / 2)
                .flatMap(t -> verifiedInBlock(t._2()._1(), t._2()._2()).iterator());
    }

    /** The index of an unordered pair of blocks: 0 .. B(B+1)/2 - 1. */
    private static int blockPair(int i, int j) {
        int low = Math.min(i, j);
        int high = Math.max(i, j);
        return high * (high + 1) / 2 + low;
    }

    private static List<Pair> verifiedInBlock(Iterable<Long> pairs, Iterable<Shingles> vectors) {
        Map<Long, Shingles> byId = new HashMap<>();
        vectors.forEach(v -> byId.put(v.id(), v));
        List<Pair> out = new ArrayList<>();
        for (long key : pairs) {
            Pair p = verify(byId.get(key >>> 32), byId.get(key & 0xffffffffL));
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    /** Values mapped with their keys, the partitioning kept (a later join by key does not shuffle them again). */
    static <K, V, W> JavaPairRDD<K, W> withKey(JavaPairRDD<K, V> rdd, Function2<K, V, W> f) {
        return rdd.mapPartitionsToPair(it -> new Iterator<Tuple2<K, W>>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Tuple2<K, W> next() {
                Tuple2<K, V> t = it.next();
                try {
                    return new Tuple2<>(t._1(), f.call(t._1(), t._2()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }, true);
    }

    static long[] sortedLongs(Iterable<Long> values) {
        List<Long> list = new ArrayList<>();
        values.forEach(list::add);
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i);
        }
        Arrays.sort(out);
        return out;
    }

    /** The engine's verification of a candidate pair (same measures, same cut). */
    static Pair verify(Shingles a, Shingles b) {
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
