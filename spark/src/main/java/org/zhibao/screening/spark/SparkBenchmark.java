package org.zhibao.screening.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.zhibao.screening.Finding;
import org.zhibao.screening.Hanzi;
import org.zhibao.screening.Jsonl;
import org.zhibao.screening.PatentRecord;
import org.zhibao.screening.Progress;
import org.zhibao.screening.Rule;
import org.zhibao.screening.UnionFind;
import org.zhibao.screening.cli.BenchmarkRow;
import org.zhibao.screening.corpus.Evaluation;
import org.zhibao.screening.corpus.PatentCorpusGenerator;
import org.zhibao.screening.patent.ContentProfile;
import org.zhibao.screening.patent.DuplicateDecision;
import org.zhibao.screening.patent.GeneratedTextRule;
import org.zhibao.screening.patent.PatentScreening;

/**
 * bin/zhibao-benchmark-spark: on the same generated corpora, in one JVM, times the floor (reading, parsing and
 * shingling only), zhibao's engine, zhibao's Spark job, and Spark MLlib's {@code MinHashLSH.approxSimilarityJoin}
 * on the same sampled shingles, with P1_DUPLICATE recall against the planted truth.
 *
 * <pre>
 * SparkBenchmark [--sizes 500,1000,2000,5000,10000] [--budget 300] [--tables 5] [--work DIR] [--master local[*]]
 * </pre>
 * MLlib runs at growing sizes until one does not finish within the budget (seconds); that size is reported and
 * MLlib is not tried on larger ones (the others still are). Every contender is measured the same way: the Spark
 * session is started and the engine's Unihan tables and language model are loaded before any timing (both printed),
 * and each contender runs {@link #WARM_UP_RUNS} times, untimed, on a corpus of {@link #WARM_UP} first (JIT and Spark code
 * generation warm-up: one run on 300, as before, left the engine's later stages to the interpreter and C1, at 500
 * and 2,000 applications it then took 2-3 times its steady time).
 */
public final class SparkBenchmark {

    /**
     * The engine calls two applications duplicates when each covers at least {@code CONTAINMENT} (0.40) of the
     * other's weighted content; two sets each c inside the other have a Jaccard similarity of at least c / (2 − c)
     * (0.25; 1/3 when the cut was one half, 0.29 at 0.45), so MLlib is asked for pairs at Jaccard distance at most
     * 1 − c / (2 − c) (0.75; unweighted: MLlib has no IDF weighting).
     */
    static final double JACCARD_DISTANCE = 1 - DuplicateDecision.CONTAINMENT / (2 - DuplicateDecision.CONTAINMENT);
    /** Sampled shingle hashes have their two low bits zero: dropping them leaves 30 bits, under MinHash's prime. */
    static final int DIMENSION = 1 << 30;

    private SparkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int[] sizes = Arrays.stream(o.getOrDefault("sizes", "500,1000,2000,5000,10000").split(","))
                .mapToInt(s -> Integer.parseInt(s.strip())).toArray();
        long budget = Long.parseLong(o.getOrDefault("budget", "300"));
        int tables = Integer.parseInt(o.getOrDefault("tables", "5"));
        Path work = Path.of(o.getOrDefault("work", "target/benchmark"));
        String master = o.getOrDefault("master", "local[*]");
        int threads = Runtime.getRuntime().availableProcessors();

        long startup = System.nanoTime();
        SparkSession spark = SparkSession.builder().master(master).appName("zhibao benchmark")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", String.valueOf(threads * 2))
                .getOrCreate();
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        double sparkStartup = seconds(startup);
        startup = System.nanoTime();
        Hanzi.simplified('a');
        double unihan = seconds(startup);
        startup = System.nanoTime();
        GeneratedTextRule.reference();
        double model = seconds(startup);
        System.out.printf("spark benchmark on %d cores, max heap %,d MB, Spark %s %s, MinHashLSH %d tables, "
                        + "Jaccard distance <= %.3f, budget %d s per MLlib size%n", threads, Runtime.getRuntime().maxMemory() >> 20,
                spark.version(), master, tables, JACCARD_DISTANCE, budget);
        // every contender is measured the same way: one-time start-up and JIT warm-up are excluded for all of them
        System.out.printf("one-time start-up, excluded from every row: Spark session %.1f s; engine: Unihan tables %.2f s, "
                + "language model %.2f s%n", sparkStartup, unihan, model);
        warmUp(spark, sc, work, threads, tables);
        System.out.printf("warm-up, excluded from every row: each contender ran %d times on %,d other applications first%n",
                WARM_UP_RUNS, WARM_UP);
        System.out.println("the engine rows run all four patent rules with evidence; the MLlib row only the similarity join");
        Integer mllibStopped = null;
        List<String> summary = new ArrayList<>();
        ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "mllib");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int size : sizes) {
                Path dir = work.resolve("patents-" + size);
                Files.createDirectories(dir);
                Path patents = dir.resolve("patents.jsonl");
                Path truth = dir.resolve("patents-truth.jsonl");
                if (!Files.exists(truth)) {
                    new PatentCorpusGenerator(PatentCorpusGenerator.Settings.of(size, 11)).write(patents, truth);
                }
                List<Finding> planted = Evaluation.readTruth(truth);
                List<BenchmarkRow> rows = new ArrayList<>();

                BenchmarkRow.resetPeak();
                long t0 = System.nanoTime();
                long n = floor(patents);
                rows.add(new BenchmarkRow("floor (read+parse+hash)", n, seconds(t0), BenchmarkRow.currentPeakHeapMb(), Double.NaN));

                BenchmarkRow.resetPeak();
                t0 = System.nanoTime();
                List<Finding> found = new PatentScreening(Progress.NONE, threads).screen(patents, b -> { });
                rows.add(new BenchmarkRow("zhibao engine (all P rules)", n, seconds(t0), BenchmarkRow.currentPeakHeapMb(),
                        recall(planted, found)));

                BenchmarkRow.resetPeak();
                t0 = System.nanoTime();
                found = new SparkScreening(sc, threads * 2).screen(patents.toString());
                rows.add(new BenchmarkRow("zhibao Spark job (all P)", n, seconds(t0), BenchmarkRow.currentPeakHeapMb(),
                        recall(planted, found)));

                String mllibNote = null;
                if (mllibStopped == null) {
                    BenchmarkRow.resetPeak();
                    long start = System.nanoTime();
                    String group = "mllib-" + size;
                    Future<List<Finding>> run = runner.submit(() -> {
                        sc.setJobGroup(group, "MinHashLSH at " + size, true);
                        try {
                            return mllib(spark, sc, patents, tables);
                        } finally {
                            sc.clearJobGroup();
                        }
                    });
                    try {
                        List<Finding> mf = run.get(budget, TimeUnit.SECONDS);
                        rows.add(new BenchmarkRow("Spark MLlib MinHashLSH", n, seconds(start), BenchmarkRow.currentPeakHeapMb(),
                                recall(planted, mf)));
                    } catch (TimeoutException e) {
                        sc.cancelJobGroup(group);
                        run.cancel(true);
                        mllibStopped = size;
                        mllibNote = String.format("Spark MLlib MinHashLSH: did not finish %,d applications in %d s (peak %,d MB so far)",
                                size, budget, BenchmarkRow.currentPeakHeapMb());
                    }
                }
                System.out.println();
                System.out.println(BenchmarkRow.header());
                rows.forEach(r -> System.out.println(r.line()));
                if (mllibNote != null) {
                    System.out.println(mllibNote);
                }
                double engine = rows.get(1).seconds();
                System.out.printf("engine / floor: %.1fx   Spark job / engine: %.1fx", engine / rows.get(0).seconds(),
                        rows.get(2).seconds() / engine);
                if (rows.size() > 3) {
                    System.out.printf("   MLlib / engine: %.1fx", rows.get(3).seconds() / engine);
                    double mllib = rows.get(3).seconds();
                    double floor = rows.get(0).seconds();
                    // what 100x would ask of the engine, beside what reading and hashing alone took in this run
                    summary.add(String.format("%,d: MLlib %.1f s, engine %.2f s -> engine %.0fx faster; 100x needs %.3f s, "
                                    + "the floor took %.3f s%s", size, mllib, engine, mllib / engine, mllib / 100, floor,
                            mllib / 100 < floor ? " (100x is under the floor here)" : ""));
                }
                System.out.println();
            }
        } finally {
            runner.shutdownNow();
            spark.stop();
        }
        System.out.println();
        summary.forEach(System.out::println);
        System.out.println(mllibStopped == null ? "Spark MLlib MinHashLSH finished every size"
                : String.format("Spark MLlib MinHashLSH stops finishing at %,d applications (budget %d s)", mllibStopped, budget));
        System.exit(0);
    }

    static final int WARM_UP = 1000;
    static final int WARM_UP_RUNS = 3;

    /** Untimed runs of every contender on a small corpus: JIT compilation and Spark's code generation. */
    static void warmUp(SparkSession spark, JavaSparkContext sc, Path work, int threads, int tables) throws Exception {
        Path dir = work.resolve("warm-up-" + WARM_UP);
        Files.createDirectories(dir);
        Path patents = dir.resolve("patents.jsonl");
        if (!Files.exists(dir.resolve("patents-truth.jsonl"))) {
            new PatentCorpusGenerator(PatentCorpusGenerator.Settings.of(WARM_UP, 13)).write(patents, dir.resolve("patents-truth.jsonl"));
        }
        for (int run = 0; run < WARM_UP_RUNS; run++) {
            floor(patents);
            new PatentScreening(Progress.NONE, threads).screen(patents, b -> { });
            new SparkScreening(sc, threads * 2).screen(patents.toString());
            mllib(spark, sc, patents, tables);
        }
    }

    /** The data team's pipeline: the same sampled shingles as binary sparse vectors, MinHashLSH, self-join. */
    static List<Finding> mllib(SparkSession spark, JavaSparkContext sc, Path patents, int tables) {
        JavaRDD<Row> rows = sc.textFile(patents.toString(), sc.defaultParallelism() * 2)
                .filter(l -> !l.isBlank())
                .map(l -> {
                    PatentRecord r = Jsonl.parsePatent(l);
                    int[] h = ContentProfile.of(r, Doc.Engine.SHINGLER).shingles();
                    int[] idx = Arrays.stream(h).map(x -> x >>> 2).distinct().sorted().toArray();
                    double[] ones = new double[idx.length];
                    Arrays.fill(ones, 1);
                    return RowFactory.create(r.applicationNo(), Vectors.sparse(DIMENSION, idx, ones));
                })
                .filter(r -> ((org.apache.spark.ml.linalg.SparseVector) r.get(1)).numNonzeros() > 0);
        StructType schema = new StructType().add("applicationNo", DataTypes.StringType).add("features", SQLDataTypes.VectorType());
        Dataset<Row> df = spark.createDataFrame(rows, schema).cache();
        MinHashLSHModel model = new MinHashLSH().setNumHashTables(tables).setInputCol("features").setOutputCol("hashes")
                .setSeed(11).fit(df);
        List<Row> pairs = model.approxSimilarityJoin(df, df, JACCARD_DISTANCE, "distance")
                .filter("datasetA.applicationNo < datasetB.applicationNo")
                .selectExpr("datasetA.applicationNo as a", "datasetB.applicationNo as b")
                .collectAsList();
        df.unpersist();
        Map<String, Integer> index = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (Row p : pairs) {
            for (int k = 0; k < 2; k++) {
                String s = p.getString(k);
                if (!index.containsKey(s)) {
                    index.put(s, names.size());
                    names.add(s);
                }
            }
        }
        UnionFind uf = new UnionFind(names.size());
        pairs.forEach(p -> uf.union(index.get(p.getString(0)), index.get(p.getString(1))));
        List<Finding> out = new ArrayList<>();
        for (int[] g : uf.groups()) {
            out.add(new Finding(Rule.P1_DUPLICATE, Arrays.stream(g).mapToObj(names::get).sorted().toList(), 1, Map.of()));
        }
        return out;
    }

    /** Reading, parsing and shingling every application on all cores: what no screening can beat. */
    static long floor(Path patents) throws java.io.IOException {
        try (var lines = Files.lines(patents)) {
            return lines.parallel().filter(l -> !l.isBlank())
                    .mapToInt(l -> ContentProfile.of(Jsonl.parsePatent(l), Doc.Engine.SHINGLER).shingles().length >= 0 ? 1 : 0)
                    .sum();
        }
    }

    private static double recall(List<Finding> planted, List<Finding> found) {
        return Evaluation.score(planted, found, EnumSet.of(Rule.P1_DUPLICATE)).get(Rule.P1_DUPLICATE).recall();
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
