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
 * SparkBenchmark [--sizes 500,1000,2000,5000,10000] [--budget 300] [--tables 5] [--warm-up 15] [--runs 3]
 *                [--work DIR] [--master local[*]]
 * </pre>
 * MLlib runs at growing sizes until a run does not finish within the budget (seconds); that size is reported and
 * MLlib is not tried on larger ones (the others still are). Every contender is measured the same way: the Spark
 * session is started and the engine's Unihan tables and language model are loaded before any timing (both printed),
 * and at each size each contender warms up on the corpus it is timed on for {@code --warm-up} seconds (at least one
 * run), then runs {@code --runs} times timed; the table has the median run (see {@link Timing#of}). Until
 * 2026-11-25 every contender ran three times on 1,000 other applications first and then once timed: that left the
 * engine at 5,000 at about twice its steady time.
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
        double warmUpSeconds = Double.parseDouble(o.getOrDefault("warm-up", "15"));
        int timedRuns = Integer.parseInt(o.getOrDefault("runs", "3"));
        if (timedRuns < 1 || warmUpSeconds < 0 || budget < 1 || tables < 1) {
            System.err.println("zhibao-benchmark-spark: --runs, --budget and --tables must be at least 1, --warm-up at least 0");
            System.exit(2);
        }
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
        System.out.printf("at each size every contender warms up on the corpus it is then timed on for %.0f s (at least "
                + "one run), then runs %d times timed: the rows are the median run, peak heap the timed runs' peak%n",
                warmUpSeconds, timedRuns);
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
                long n = floor(patents);
                List<BenchmarkRow> rows = new ArrayList<>();
                List<String> runs = new ArrayList<>();
                Timing floor = Timing.of(() -> {
                    floor(patents);
                    return List.of();
                }, warmUpSeconds, timedRuns);
                rows.add(floor.row("floor (read+parse+hash)", n, Double.NaN));
                runs.add(floor.describe("floor"));
                Timing engine = Timing.of(() -> new PatentScreening(Progress.NONE, threads).screen(patents, b -> { }),
                        warmUpSeconds, timedRuns);
                rows.add(engine.row("zhibao engine (all P rules)", n, recall(planted, engine.found())));
                runs.add(engine.describe("engine"));
                Timing job = Timing.of(() -> new SparkScreening(sc, threads * 2).screen(patents.toString()),
                        warmUpSeconds, timedRuns);
                rows.add(job.row("zhibao Spark job (all P)", n, recall(planted, job.found())));
                runs.add(job.describe("Spark job"));

                String mllibNote = null;
                if (mllibStopped == null) {
                    String group = "mllib-" + size;
                    try {
                        // every run, warm-up or timed, within the budget
                        Timing mllib = Timing.of(() -> {
                            Future<List<Finding>> run = runner.submit(() -> {
                                sc.setJobGroup(group, "MinHashLSH at " + size, true);
                                try {
                                    return mllib(spark, sc, patents, tables);
                                } finally {
                                    sc.clearJobGroup();
                                }
                            });
                            try {
                                return run.get(budget, TimeUnit.SECONDS);
                            } catch (TimeoutException e) {
                                sc.cancelJobGroup(group);
                                run.cancel(true);
                                throw e;
                            }
                        }, warmUpSeconds, timedRuns);
                        rows.add(mllib.row("Spark MLlib MinHashLSH", n, recall(planted, mllib.found())));
                        runs.add(mllib.describe("MLlib"));
                    } catch (TimeoutException e) {
                        mllibStopped = size;
                        mllibNote = String.format("Spark MLlib MinHashLSH: a run on %,d applications did not finish in %d s "
                                + "(peak %,d MB so far)", size, budget, BenchmarkRow.currentPeakHeapMb());
                    }
                }
                System.out.println();
                System.out.println(BenchmarkRow.header());
                rows.forEach(r -> System.out.println(r.line()));
                if (mllibNote != null) {
                    System.out.println(mllibNote);
                }
                runs.forEach(System.out::println);
                double engineSeconds = rows.get(1).seconds();
                double floorSeconds = rows.get(0).seconds();
                System.out.printf("engine / floor: %.1fx   Spark job / engine: %.1fx", engineSeconds / floorSeconds,
                        rows.get(2).seconds() / engineSeconds);
                if (rows.size() > 3) {
                    double mllibSeconds = rows.get(3).seconds();
                    System.out.printf("   MLlib / engine: %.1fx", mllibSeconds / engineSeconds);
                    // what 100x would ask of the engine, beside what reading and hashing alone took in this run
                    summary.add(String.format("%,d: MLlib %.1f s, engine %.3f s -> engine %.0fx faster; 100x needs %.3f s, "
                                    + "the floor took %.3f s%s", size, mllibSeconds, engineSeconds, mllibSeconds / engineSeconds,
                            mllibSeconds / 100, floorSeconds, mllibSeconds / 100 < floorSeconds ? " (100x is under the floor here)" : ""));
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

    /** One contender's run: its findings (none for the floor). */
    interface Run {
        List<Finding> run() throws Exception;
    }

    /**
     * One contender at one size: the first run's time, how many runs the warm-up took, the timed runs and their
     * heap peak, and the last run's findings.
     */
    record Timing(double first, int warmUps, double[] timed, long peakMb, List<Finding> found) {

        /**
         * Runs untimed until {@code warmUpSeconds} have passed (at least once), then {@code runs} times timed: the
         * JIT compiles a short run's loops only after many runs (the engine at 5,000 applications went from 1.3 s
         * to its steady 0.28 s over some 25 runs), a long one's within its first seconds, so the warm-up is time,
         * not a count of runs, as JMH's is.
         */
        static Timing of(Run run, double warmUpSeconds, int runs) throws Exception {
            long start = System.nanoTime();
            run.run();
            double first = seconds(start);
            int warmUps = 1;
            while (seconds(start) < warmUpSeconds) {
                run.run();
                warmUps++;
            }
            BenchmarkRow.resetPeak();
            double[] timed = new double[runs];
            List<Finding> found = List.of();
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                found = run.run();
                timed[i] = seconds(t0);
            }
            return new Timing(first, warmUps, timed, BenchmarkRow.currentPeakHeapMb(), found);
        }

        double median() {
            double[] sorted = timed.clone();
            Arrays.sort(sorted);
            return sorted[sorted.length / 2];
        }

        BenchmarkRow row(String contender, long records, double recall) {
            return new BenchmarkRow(contender, records, median(), peakMb, recall);
        }

        String describe(String contender) {
            StringBuilder b = new StringBuilder();
            for (double t : timed) {
                b.append(String.format(" %.3f", t));
            }
            return String.format("  %s: first run %.3f s; warm-up %d run(s); timed%s s", contender, first, warmUps, b);
        }
    }
}
