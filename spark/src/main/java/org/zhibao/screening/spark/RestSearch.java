package org.zhibao.screening.spark;

import static org.zhibao.screening.patent.PatentScreening.REST_MAX_DF;
import static org.zhibao.screening.patent.PatentScreening.REST_PROBES;
import static org.zhibao.screening.patent.PatentScreening.REST_VERIFIED;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.zhibao.screening.patent.CombinationCover;
import org.zhibao.screening.patent.CombinationCover.Shingles;
import org.zhibao.screening.patent.MinHashBands;
import org.zhibao.screening.patent.PatentScreening;
import org.zhibao.screening.spark.DuplicateStage.Pair;
import scala.Tuple2;
import scala.Tuple3;

/**
 * The engine's second, targeted search for applications that the found pairs explain only in part
 * ({@code PatentScreening.withSourcesOfTheRest} and {@code restBandCandidates}), per application and per key on the
 * executors. In a large corpus of one field the part a combination took from its second source may share only
 * shingles that hundreds or thousands of filings hold, which the first search does not probe with; so an
 * application that one found source gives a part of, and which its found sources neither copy nor combine (the
 * engine's {@link PatentScreening#unexplained}), is searched again for the source of its uncovered rest, in two
 * rounds as the engine's ({@link PatentScreening#REST_ROUNDS}):
 * <ul>
 * <li>its {@code REST_PROBES} least frequent uncovered shingles of document frequency 2..{@code REST_MAX_DF}, while
 *     their holders stay within {@code REST_BUDGET}, are looked up (their holders joined in by shingle); of the
 *     applications holding at least max(2, a quarter) of them, the {@code REST_VERIFIED} holding the most are
 *     verified, ties in the engine's order (first touched by the least frequent probe, then input order);</li>
 * <li>its rest's own {@link MinHashBands} keys are looked up among every application's band buckets: of the first
 *     {@code MinHashBands.WINDOW} holders of each bucket (input order), those met in {@code MinHashBands.HITS}
 *     bands are verified, and all holders of a bucket of at most {@code WINDOW} (the engine's
 *     {@code restBandCandidates}).</li>
 * </ul>
 * The engine's constants, coverage walk, choice of probes ({@link PatentScreening#restProbes}) and band keys are
 * used, not copies; what is written out here is the engine's ranking of holders (the engine counts in arrays over
 * all applications, the job sorts each target's holders). The job keys its probes by shingle hash, the engine by
 * dense id: where document frequencies tie at the probe or budget limit, the two may look up other shingles.
 */
final class RestSearch {

    private final int partitions;
    private JavaPairRDD<Long, Rest> rests;

    RestSearch(int partitions) {
        this.partitions = partitions;
    }

    /**
     * A partly explained application: the band keys of its rest (empty if nothing in it races) and the shingle
     * hashes it probes with, least frequent first.
     */
    record Rest(long target, int[] bandKeys, int[] probes) implements Serializable {
    }

    /**
     * The pairs the search proposes that {@code found} (the first search's verified pairs) does not hold: each
     * application with the later ones it is to be verified with. Lazy, as every RDD: the caller verifies and keeps
     * them, then calls {@link #release}.
     *
     * @param weighted every application's weighted vector, by application
     * @param postings (shingle hash, (application, df)) for every shingle of every application, partitioned by hash
     * @param buckets  every (band, key) bucket of the applications' band keys: its holders in input order
     */
    JavaPairRDD<Long, long[]> candidates(JavaRDD<Pair> found, JavaPairRDD<Long, Weighted> weighted,
            JavaPairRDD<Integer, Tuple2<Long, Integer>> postings, JavaPairRDD<Long, long[]> buckets) {
        return candidates(found, null, weighted, postings, buckets);
    }

    /**
     * As {@link #candidates(JavaRDD, JavaPairRDD, JavaPairRDD, JavaPairRDD)} for the applications in {@code only}
     * (all when null): the engine's second round searches again those a new pair gave a part
     * ({@link PatentScreening#REST_ROUNDS}).
     */
    JavaPairRDD<Long, long[]> candidates(JavaRDD<Pair> found, Broadcast<Set<Long>> only,
            JavaPairRDD<Long, Weighted> weighted, JavaPairRDD<Integer, Tuple2<Long, Integer>> postings,
            JavaPairRDD<Long, long[]> buckets) {
        rests = rests(found, only, weighted);
        rests.persist(StorageLevel.MEMORY_AND_DISK());
        JavaPairRDD<Long, Long> proposed = rests
                .cogroup(bandCandidates(rests, buckets), probeHolders(rests, postings), partitions)
                .flatMapToPair(t -> {
                    Tuple3<Iterable<Rest>, Iterable<long[]>, Iterable<Tuple2<Integer, long[]>>> v = t._2();
                    List<Tuple2<Long, Long>> out = new ArrayList<>();
                    for (Rest r : v._1()) {
                        for (long d : verifiedOnes(r.target(), r.probes().length, v._2(), v._3())) {
                            out.add(new Tuple2<>(Math.min(d, r.target()), Math.max(d, r.target())));
                        }
                    }
                    return out.iterator();
                });
        // those found from both ends once, and none the first search verified and kept
        return proposed.cogroup(found.mapToPair(p -> new Tuple2<>(p.a(), p.b())), partitions)
                .mapValues(t -> {
                    Set<Long> known = new HashSet<>();
                    t._2().forEach(known::add);
                    Set<Long> fresh = new HashSet<>();
                    for (long b : t._1()) {
                        if (!known.contains(b)) {
                            fresh.add(b);
                        }
                    }
                    return fresh.stream().mapToLong(Long::longValue).sorted().toArray();
                })
                .filter(t -> t._2().length > 0);
    }

    /** Frees the partly explained applications kept for {@link #candidates}, once its pairs are verified and kept. */
    void release() {
        if (rests != null) {
            rests.unpersist();
        }
    }

    /** The partly explained applications: their candidate sources joined in, the engine's test. */
    private JavaPairRDD<Long, Rest> rests(JavaRDD<Pair> found, Broadcast<Set<Long>> only,
            JavaPairRDD<Long, Weighted> weighted) {
        JavaPairRDD<Long, Long> sourceOf = found.flatMapToPair(p -> {
            List<Tuple2<Long, Long>> out = new ArrayList<>(2);
            if (CombinationCover.mayBeSource(p.aCoveredByB()) && (only == null || only.value().contains(p.a()))) {
                out.add(new Tuple2<>(p.b(), p.a()));
            }
            if (CombinationCover.mayBeSource(p.bCoveredByA()) && (only == null || only.value().contains(p.b()))) {
                out.add(new Tuple2<>(p.a(), p.b()));
            }
            return out.iterator();
        });
        JavaPairRDD<Long, Iterable<Shingles>> sources = sourceOf.join(weighted, partitions)
                .mapToPair(t -> new Tuple2<>(t._2()._1(), t._2()._2().vector()))
                .groupByKey(partitions);
        return sources.join(weighted, partitions).flatMapToPair(t -> {
            Rest r = rest(t._2()._2(), t._2()._1());
            return (r == null ? List.<Tuple2<Long, Rest>>of() : List.of(new Tuple2<>(t._1(), r))).iterator();
        });
    }

    /**
     * The rest of one application that its candidate sources explain only in part, or null when the engine does
     * not search it ({@link PatentScreening#unexplained}, the options in ascending input order as the engine's).
     */
    static Rest rest(Weighted target, Iterable<Shingles> sourceVectors) {
        List<Shingles> sources = new ArrayList<>();
        sourceVectors.forEach(sources::add);
        sources.sort((x, y) -> Long.compare(x.id(), y.id()));
        Shingles t = target.vector();
        boolean[] covered = PatentScreening.unexplained(t, sources);
        if (covered == null) {
            return null;
        }
        int[] restHashes = new int[covered.length];
        float[] restWeights = new float[covered.length];
        int rest = 0;
        for (int i = 0; i < covered.length; i++) {
            if (!covered[i]) {
                restHashes[rest] = t.keys()[i];
                restWeights[rest++] = t.weights()[i];
            }
        }
        return new Rest(t.id(), MinHashBands.keys(restHashes, restWeights, rest),
                PatentScreening.restProbes(t.keys(), target.dfs(), covered));
    }

    /**
     * Per target, for each band its rest has a key for, the first {@code MinHashBands.WINDOW} holders (input
     * order) of the applications' bucket with that key, and one more when there are more (so that
     * {@link #verifiedOnes} tells a whole bucket from the head of a larger one): the source of a rest is far more
     * similar to the rest than to the whole.
     */
    private JavaPairRDD<Long, long[]> bandCandidates(JavaPairRDD<Long, Rest> rests, JavaPairRDD<Long, long[]> buckets) {
        JavaPairRDD<Long, long[]> heads = buckets.mapValues(h -> h.length <= MinHashBands.WINDOW
                ? h : Arrays.copyOf(h, MinHashBands.WINDOW + 1));
        return rests
                .flatMapToPair(t -> {
                    int[] keys = t._2().bandKeys();
                    List<Tuple2<Long, Long>> out = new ArrayList<>(keys.length);
                    for (int band = 0; band < keys.length; band++) {
                        out.add(new Tuple2<>(((long) band << 32) | (keys[band] & 0xffffffffL), t._1()));
                    }
                    return out.iterator();
                })
                .join(heads, partitions)
                .mapToPair(t -> t._2());
    }

    /** Per target, for each of its probes (by index, least frequent first), the probe's holders in input order. */
    private JavaPairRDD<Long, Tuple2<Integer, long[]>> probeHolders(JavaPairRDD<Long, Rest> rests,
            JavaPairRDD<Integer, Tuple2<Long, Integer>> postings) {
        JavaPairRDD<Integer, Tuple2<Long, Integer>> requests = rests.flatMapToPair(t -> {
            int[] probes = t._2().probes();
            List<Tuple2<Integer, Tuple2<Long, Integer>>> out = new ArrayList<>(probes.length);
            for (int u = 0; u < probes.length; u++) {
                out.add(new Tuple2<>(probes[u], new Tuple2<>(t._1(), u)));
            }
            return out.iterator();
        });
        // the postings are partitioned by hash already: only the requests move
        JavaPairRDD<Integer, Long> holders = postings.filter(t -> t._2()._2() <= REST_MAX_DF).mapValues(Tuple2::_1);
        return requests.cogroup(holders, partitions).flatMapToPair(t -> {
            List<Tuple2<Long, Tuple2<Integer, long[]>>> out = new ArrayList<>();
            if (t._2()._1().iterator().hasNext()) {
                long[] sorted = DuplicateStage.sortedLongs(t._2()._2());
                for (Tuple2<Long, Integer> request : t._2()._1()) {
                    out.add(new Tuple2<>(request._1(), new Tuple2<>(request._2(), sorted)));
                }
            }
            return out.iterator();
        });
    }

    /** A holder of some of a rest's probes: how many it holds, and the first (least frequent) of them. */
    record Holder(long id, int firstProbe, int shared) {
    }

    /**
     * The applications a target's pairs are verified with, as the engine chooses them: every band candidate (met in
     * {@code MinHashBands.HITS} bands or in a whole bucket), and of the other holders of at least max(2, used / 4) of its {@code used}
     * probes the {@code REST_VERIFIED} holding the most. Where several hold as many as the last one taken, those the
     * engine touches first are taken: it gathers the holders of its probes least frequent first, each probe's in
     * input order (only those of the first used - enough + 1 probes: a holder of enough probes holds one of them),
     * and counts the later probes for them.
     *
     * @param held per probe (its index, least frequent first), its holders in input order
     */
    static List<Long> verifiedOnes(long target, int used, Iterable<long[]> bandHeads,
            Iterable<Tuple2<Integer, long[]>> held) {
        // met in MinHashBands.HITS of the rest's bands (each list of heads is one band's), or in a whole bucket of
        // at most WINDOW (a list of WINDOW + 1 is the head of a larger one)
        Map<Long, Integer> met = new HashMap<>();
        Set<Long> banded = new HashSet<>();
        for (long[] heads : bandHeads) {
            boolean whole = heads.length <= MinHashBands.WINDOW;
            for (int i = 0; i < Math.min(heads.length, MinHashBands.WINDOW); i++) {
                if (met.merge(heads[i], 1, Integer::sum) >= MinHashBands.HITS || whole) {
                    banded.add(heads[i]);
                }
            }
        }
        int enough = Math.max(2, used / 4);
        int gathering = used - enough + 1;
        // (holder, probe index) sorted: each holder's run gives how many probes it holds and the first of them
        int total = 0;
        for (Tuple2<Integer, long[]> probe : held) {
            total += probe._2().length;
        }
        long[] entries = new long[total];
        int k = 0;
        for (Tuple2<Integer, long[]> probe : held) {
            for (long d : probe._2()) {
                entries[k++] = d << 8 | probe._1();
            }
        }
        Arrays.sort(entries);
        List<Holder> holders = new ArrayList<>();
        for (int i = 0; i < total; ) {
            int j = i;
            while (j < total && entries[j] >>> 8 == entries[i] >>> 8) {
                j++;
            }
            long d = entries[i] >>> 8;
            int first = (int) (entries[i] & 0xff);
            if (d != target && first < gathering && j - i >= enough && !banded.contains(d)) {
                holders.add(new Holder(d, first, j - i));
            }
            i = j;
        }
        holders.sort((x, y) -> x.firstProbe() != y.firstProbe()
                ? Integer.compare(x.firstProbe(), y.firstProbe()) : Long.compare(x.id(), y.id()));
        List<Long> out = new ArrayList<>();
        for (long d : banded) {
            if (d != target) {
                out.add(d);
            }
        }
        out.addAll(mostShared(holders));
        return out;
    }

    /**
     * Of the holders of enough probes (in the order the engine touches them), all when at most
     * {@code REST_VERIFIED}; else all above the least count that still fits and, at that count, the first touched.
     */
    static List<Long> mostShared(List<Holder> holders) {
        if (holders.size() <= REST_VERIFIED) {
            return holders.stream().map(Holder::id).toList();
        }
        int[] ofCount = new int[REST_PROBES + 1];
        for (Holder h : holders) {
            ofCount[h.shared()]++;
        }
        int cut = ofCount.length - 1;
        int above = 0;
        while (cut > 0 && above + ofCount[cut] <= REST_VERIFIED) {
            above += ofCount[cut--];
        }
        int atCut = REST_VERIFIED - above;
        List<Long> out = new ArrayList<>(REST_VERIFIED);
        for (Holder h : holders) {
            if (h.shared() > cut || (h.shared() == cut && atCut-- > 0)) {
                out.add(h.id());
            }
        }
        return out;
    }
}
