package org.zhibao.screening.spark;

import static org.zhibao.screening.patent.PatentScreening.COMBINATION_COVERAGE;
import static org.zhibao.screening.patent.PatentScreening.DUPLICATE_CONTAINMENT;
import static org.zhibao.screening.patent.PatentScreening.RARE_DF;
import static org.zhibao.screening.patent.PatentScreening.SOURCE_SHARE;

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
import scala.Tuple2;

/**
 * P1 on Spark, the engine's method spread over the cluster:
 * <ol>
 * <li>document frequency of every sampled shingle (reduceByKey) and its weight ln(N/df), as the engine's Weights;</li>
 * <li>each application's weighted shingle vector (the postings joined back, grouped by application);</li>
 * <li>candidate keys: the rare shingles (2 ≤ df ≤ {@code RARE_DF}); each proposes the pairs of its ≤ 100
 *     holders, counted per pair (reduceByKey) and kept when they share at least max(2, 5 % of the shorter);</li>
 * <li>verification of each candidate pair on the two weighted vectors (joined in), keeping pairs where one
 *     covers at least {@code SOURCE_SHARE} of the other;</li>
 * <li>combinations: per target with two or more such sources, the engine's greedy cover;</li>
 * <li>duplicate edges: both ways covered ≥ {@code DUPLICATE_CONTAINMENT} (≥ {@code COMBINATION_COVERAGE} when either
 *     end is a combination). Only these edges go to the driver, where union-find makes the groups: there are
 *     about as many as planted copies (a few per cent of N), so millions of applications give a list of a few
 *     hundred thousand longs. A corpus where that does not fit would need a distributed connected-components pass
 *     (GraphFrames or iterative min-label propagation), not done here.</li>
 * </ol>
 * Thresholds are the engine's public constants. Sums of weights are taken in shingle-hash order, the engine's in
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

    /** A combined application, its sources in the order chosen, the share each supplies, and the total coverage. */
    record Combination(long target, long[] sources, double[] shares, double coverage) implements Serializable {
    }

    record Result(List<Pair> edges, List<Combination> combinations) {
    }

    /** An application's sampled shingles (sorted hashes) with their IDF weights and the weights' sum. */
    static final class Vec implements Serializable {
        private static final long serialVersionUID = 1L;
        long id;
        int[] hashes;
        float[] weights;
        double total;

        double intersection(Vec o) {
            int i = 0;
            int j = 0;
            double sum = 0;
            while (i < hashes.length && j < o.hashes.length) {
                if (hashes[i] < o.hashes[j]) {
                    i++;
                } else if (hashes[i] > o.hashes[j]) {
                    j++;
                } else {
                    sum += weights[i];
                    i++;
                    j++;
                }
            }
            return sum;
        }

        /** Weight of this target's shingles not yet covered that the source has; marks them when asked. */
        double walk(boolean[] covered, Vec source, boolean mark) {
            int i = 0;
            int j = 0;
            double sum = 0;
            while (i < hashes.length && j < source.hashes.length) {
                if (hashes[i] < source.hashes[j]) {
                    i++;
                } else if (hashes[i] > source.hashes[j]) {
                    j++;
                } else {
                    if (!covered[i]) {
                        sum += weights[i];
                        if (mark) {
                            covered[i] = true;
                        }
                    }
                    i++;
                    j++;
                }
            }
            return sum;
        }
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
        JavaPairRDD<Integer, Tuple2<Long, Integer>> withDf = postings.join(df, partitions);
        withDf.persist(StorageLevel.MEMORY_AND_DISK());

        JavaPairRDD<Long, Vec> vectors = withDf
                .mapToPair(t -> new Tuple2<>(t._2()._1(), ((long) t._1() << 32) | t._2()._2()))
                .groupByKey(partitions)
                .mapToPair(t -> new Tuple2<>(t._1(), vector(t._1(), t._2(), n)));
        vectors.persist(StorageLevel.MEMORY_AND_DISK());

        // each rare shingle hands each holder the holders after it (the engine's postings.from(id, d + 1));
        // each application then counts its co-holders locally, so the shuffle carries arrays, not one record a pair
        JavaPairRDD<Long, Integer> shared = withDf
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

        JavaRDD<Pair> pairs = shared
                .mapToPair(t -> new Tuple2<>(t._1() >>> 32, new Tuple2<>(t._1() & 0xffffffffL, t._2())))
                .join(vectors, partitions)
                .mapToPair(t -> new Tuple2<>(t._2()._1()._1(), new Tuple2<>(t._2()._2(), t._2()._1()._2())))
                .join(vectors, partitions)
                .map(t -> verify(t._2()._1()._1(), t._2()._2(), t._2()._1()._2()))
                .filter(p -> p != null);
        pairs.persist(StorageLevel.MEMORY_AND_DISK());

        List<Combination> combinations = combinations(pairs, vectors);
        Set<Long> combined = new HashSet<>();
        combinations.forEach(c -> combined.add(c.target()));
        Broadcast<Set<Long>> isCombined = sc.broadcast(combined);
        List<Pair> edges = new ArrayList<>(pairs.filter(p -> {
            boolean either = isCombined.value().contains(p.a()) || isCombined.value().contains(p.b());
            return Math.min(p.aCoveredByB(), p.bCoveredByA()) >= (either ? COMBINATION_COVERAGE : DUPLICATE_CONTAINMENT);
        }).collect());
        edges.sort((x, y) -> x.a() != y.a() ? Long.compare(x.a(), y.a()) : Long.compare(x.b(), y.b()));
        pairs.unpersist();
        vectors.unpersist();
        withDf.unpersist();
        isCombined.destroy();
        return new Result(edges, combinations);
    }

    /** Packed (hash, df) postings of one application into its weighted vector; weights as the engine's (float). */
    static Vec vector(long id, Iterable<Long> packed, long n) {
        long[] p = sortedLongs(packed);
        Vec v = new Vec();
        v.id = id;
        v.hashes = new int[p.length];
        v.weights = new float[p.length];
        for (int i = 0; i < p.length; i++) {
            v.hashes[i] = (int) (p[i] >> 32);
            int df = (int) p[i];
            v.weights[i] = (float) Math.max(0, Math.log((double) n / df));
            v.total += v.weights[i];
        }
        return v;
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
    static Pair verify(Vec a, Vec b, int shared) {
        if (shared < Math.max(2, 0.05 * Math.min(a.hashes.length, b.hashes.length))) {
            return null;
        }
        double inter = a.intersection(b);
        double wa = a.total;
        double wb = b.total;
        double ca = inter / wa;
        double cb = inter / wb;
        if (ca >= SOURCE_SHARE || cb >= SOURCE_SHARE) {
            return new Pair(a.id, b.id, inter / (wa + wb - inter), ca, cb);
        }
        return null;
    }

    /** Targets with two or more sources each covering ≥ SOURCE_SHARE of them, with the vectors of all involved. */
    private List<Combination> combinations(JavaRDD<Pair> pairs, JavaPairRDD<Long, Vec> vectors) {
        JavaPairRDD<Long, Long> sourceOf = pairs.flatMapToPair(p -> {
            List<Tuple2<Long, Long>> out = new ArrayList<>(2);
            if (p.aCoveredByB() >= SOURCE_SHARE) {
                out.add(new Tuple2<>(p.a(), p.b()));
            }
            if (p.bCoveredByA() >= SOURCE_SHARE) {
                out.add(new Tuple2<>(p.b(), p.a()));
            }
            return out.iterator();
        });
        JavaPairRDD<Long, Iterable<Long>> options = sourceOf.groupByKey(partitions).filter(t -> t._2().iterator().hasNext()
                && count(t._2()) >= 2);
        JavaPairRDD<Long, Iterable<Vec>> optionVectors = options
                .flatMapToPair(t -> {
                    List<Tuple2<Long, Long>> out = new ArrayList<>();
                    t._2().forEach(o -> out.add(new Tuple2<>(o, t._1())));
                    return out.iterator();
                })
                .join(vectors, partitions)
                .mapToPair(t -> new Tuple2<>(t._2()._1(), t._2()._2()))
                .groupByKey(partitions);
        return optionVectors.join(vectors, partitions)
                .map(t -> greedyCover(t._2()._2(), t._2()._1()))
                .filter(c -> c != null)
                .collect();
    }

    private static int count(Iterable<?> values) {
        int c = 0;
        for (Object ignored : values) {
            c++;
        }
        return c;
    }

    /**
     * The engine's combination decision: greedy cover by distinct sources each supplying ≥ SOURCE_SHARE, together
     * ≥ COMBINATION_COVERAGE, none alone ≥ COMBINATION_COVERAGE (that is a copy); copies of a chosen source count
     * once. Options in ascending input order, which is the engine's order of its candidate pairs.
     */
    static Combination greedyCover(Vec target, Iterable<Vec> optionVectors) {
        double total = target.total;
        if (total <= 0) {
            return null;
        }
        List<Vec> options = new ArrayList<>();
        optionVectors.forEach(options::add);
        options.sort((x, y) -> Long.compare(x.id, y.id));
        boolean[] covered = new boolean[target.hashes.length];
        List<Vec> chosen = new ArrayList<>();
        List<Double> shares = new ArrayList<>();
        double coveredWeight = 0;
        while (true) {
            Vec best = null;
            double bestGain = 0;
            for (Vec s : options) {
                if (chosen.contains(s) || copyOfChosen(s, chosen)) {
                    continue;
                }
                double gain = target.walk(covered, s, false);
                if (gain > bestGain) {
                    bestGain = gain;
                    best = s;
                }
            }
            if (best == null || bestGain < SOURCE_SHARE * total) {
                break;
            }
            if (chosen.isEmpty() && bestGain >= COMBINATION_COVERAGE * total) {
                return null;
            }
            target.walk(covered, best, true);
            coveredWeight += bestGain;
            chosen.add(best);
            shares.add(bestGain / total);
        }
        if (chosen.size() < 2 || coveredWeight < COMBINATION_COVERAGE * total) {
            return null;
        }
        return new Combination(target.id, chosen.stream().mapToLong(v -> v.id).toArray(),
                shares.stream().mapToDouble(Double::doubleValue).toArray(), coveredWeight / total);
    }

    private static boolean copyOfChosen(Vec s, List<Vec> chosen) {
        for (Vec other : chosen) {
            double inter = s.intersection(other);
            if (Math.min(inter / s.total, inter / other.total) >= DUPLICATE_CONTAINMENT) {
                return true;
            }
        }
        return false;
    }
}
