package org.zhibao.screening.spark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.zhibao.screening.Finding;
import org.zhibao.screening.Jsonl;
import org.zhibao.screening.PatentRecord;
import org.zhibao.screening.patent.GeneratedTextRule;
import scala.Tuple2;

/**
 * The patent rules (P1_DUPLICATE, P1_COMBINATION, P4_GENERATED, P6_SPLIT) as one Spark job: reads the same
 * patents JSONL as {@code bin/zhibao-screen patents} and writes the same findings JSONL, as a single file.
 *
 * <pre>
 * SparkScreening --input PATENTS.jsonl --output FINDINGS.jsonl [--master local[*]] [--partitions N]
 * </pre>
 *
 * <p>Inputs and outputs are Hadoop paths (file:, hdfs:, s3a: ...). Without --master the master comes from
 * spark-submit. The rules themselves are in {@link DuplicateStage} and {@link SplitStage}; what runs on the
 * driver is only what is small by construction: the verified edges, the groups and their evidence.
 */
public final class SparkScreening {

    static final String USAGE = "usage: SparkScreening --input PATENTS.jsonl --output FINDINGS.jsonl [--master local[*]] [--partitions N]";

    private final JavaSparkContext sc;
    private final int partitions;

    public SparkScreening(JavaSparkContext sc, int partitions) {
        this.sc = sc;
        this.partitions = Math.max(1, partitions);
    }

    public static void main(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                System.err.println("zhibao-screen-spark: unexpected argument: " + args[i]);
                System.err.println(USAGE);
                System.exit(2);
            }
            o.put(args[i].substring(2), args[++i]);
        }
        if (!o.containsKey("input") || !o.containsKey("output")
                || !Set.of("input", "output", "master", "partitions").containsAll(o.keySet())) {
            System.err.println(USAGE);
            System.exit(2);
        }
        SparkSession.Builder builder = SparkSession.builder().appName("zhibao patent screening");
        if (o.containsKey("master")) {
            builder.master(o.get("master"));
        }
        if (o.getOrDefault("master", "").startsWith("local")) {
            builder.config("spark.ui.enabled", "false");
        }
        SparkSession spark = builder.getOrCreate();
        try {
            JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            int partitions = Integer.parseInt(o.getOrDefault("partitions", String.valueOf(Math.max(2, sc.defaultParallelism() * 2))));
            long t0 = System.nanoTime();
            List<Finding> findings = new SparkScreening(sc, partitions).screen(o.get("input"));
            write(findings, o.get("output"), sc.hadoopConfiguration());
            System.err.printf("spark: %,d findings written to %s in %.1f s%n", findings.size(), o.get("output"),
                    (System.nanoTime() - t0) / 1e9);
        } finally {
            spark.stop();
        }
    }

    /** Screens one input (a file or a directory of part files) and returns the findings in the engine's order. */
    public List<Finding> screen(String input) {
        stage("read");
        JavaPairRDD<String, Long> numbered = sc.textFile(input, partitions).zipWithIndex();
        JavaRDD<Doc> parsed = numbered.map(t -> Doc.parse(t._1(), t._2())).filter(d -> d != null);
        parsed.persist(StorageLevel.MEMORY_AND_DISK());
        JavaRDD<Doc> valid = parsed.filter(d -> d.bad == null);
        reportBadLines(parsed.filter(d -> d.bad != null));
        Set<Long> repeats = repeats(valid);
        Broadcast<Set<Long>> repeated = sc.broadcast(repeats);
        JavaRDD<Doc> docs = repeats.isEmpty() ? valid : valid.filter(d -> !repeated.value().contains(d.id));
        long n = docs.count();
        stage("profiled " + n + " applications");

        DuplicateStage.Result p1 = new DuplicateStage(sc, partitions).run(docs, n);
        stage("P1: " + p1.edges().size() + " duplicate edges, " + p1.combinations().size() + " combinations");
        GeneratedTextRule.CorpusNorm norm = GeneratedStage.norm(docs);
        List<Long> generated = GeneratedStage.flagged(sc, docs, norm);
        stage("P4: " + generated.size() + " flagged");
        List<Finding> split = new SplitStage(sc, partitions).run(docs);
        stage("P6: " + split.size() + " groups");

        Evidence evidence = Evidence.fetch(sc, numbered, docs, p1, generated);
        List<Finding> findings = new ArrayList<>();
        findings.addAll(evidence.duplicates(p1.edges()));
        findings.addAll(evidence.combinations(p1.combinations()));
        findings.addAll(evidence.generated(generated, norm));
        findings.addAll(split);
        findings.sort(Comparator.comparing((Finding f) -> f.rule().ordinal()).thenComparing(f -> f.subjects().get(0)));
        parsed.unpersist();
        stage("done: " + findings.size() + " findings");
        return findings;
    }

    /**
     * The lines whose application number an earlier line has, reported on stderr as the engine does: the number is
     * screened once, from its first line (two lines of one filing would otherwise be found as copies of each other).
     * Only the numbers go through the shuffle, and only the repeats (few in any real input) to the driver.
     */
    private Set<Long> repeats(JavaRDD<Doc> valid) {
        List<Tuple2<Long, Tuple2<Long, String>>> later = valid
                .mapToPair(d -> new Tuple2<>(d.applicationNo, d.id))
                .groupByKey(partitions)
                .flatMap(t -> {
                    List<Long> lines = new ArrayList<>();
                    t._2().forEach(lines::add);
                    List<Tuple2<Long, Tuple2<Long, String>>> out = new ArrayList<>();
                    long first = java.util.Collections.min(lines);
                    for (long line : lines) {
                        if (line != first) {
                            out.add(new Tuple2<>(line, new Tuple2<>(first, t._1())));
                        }
                    }
                    return out.iterator();
                })
                .collect();
        Map<Long, Tuple2<Long, String>> byLine = new java.util.TreeMap<>();
        later.forEach(t -> byLine.put(t._1(), t._2()));
        int shown = 0;
        for (Map.Entry<Long, Tuple2<Long, String>> e : byLine.entrySet()) {
            if (shown++ == 1000) {
                System.err.printf("spark: %,d repeated application numbers in all%n", byLine.size());
                break;
            }
            System.err.printf("line %d: application %s is on line %d already (screened once)%n", e.getKey() + 1,
                    e.getValue()._2(), e.getValue()._1() + 1);
        }
        return new HashSet<>(byLine.keySet());
    }

    /** Bad lines are reported on the driver's stderr with their line numbers, as the engine does (the first 1,000). */
    private static void reportBadLines(JavaRDD<Doc> bad) {
        List<Doc> first = bad.take(1000);
        for (Doc d : first) {
            System.err.println("bad input line " + (d.id + 1) + ": " + d.bad + " (skipped)");
        }
        if (first.size() == 1000) {
            System.err.printf("spark: %,d bad lines in all%n", bad.count());
        }
    }

    /** One file, written through Hadoop's FileSystem so the output may be on HDFS or an object store. */
    static void write(List<Finding> findings, String output, Configuration conf) {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(output);
        try {
            FileSystem fs = path.getFileSystem(conf);
            try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(fs.create(path, true), StandardCharsets.UTF_8))) {
                for (Finding f : findings) {
                    w.write(Jsonl.write(f));
                    w.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final long STARTED = System.nanoTime();

    private static void stage(String what) {
        System.err.printf("spark: %s (%.1f s)%n", what, (System.nanoTime() - STARTED) / 1e9);
    }

    /** The input lines of some applications, parsed again for evidence (only flagged ones are read back). */
    static Map<Long, PatentRecord> records(JavaSparkContext sc, JavaPairRDD<String, Long> numbered, Set<Long> ids) {
        Broadcast<Set<Long>> wanted = sc.broadcast(new HashSet<>(ids));
        List<Tuple2<Long, String>> lines = numbered.filter(t -> wanted.value().contains(t._2()))
                .map(t -> new Tuple2<>(t._2(), t._1())).collect();
        Map<Long, PatentRecord> out = new HashMap<>();
        for (Tuple2<Long, String> t : lines) {
            out.put(t._1(), Jsonl.parsePatent(t._2()));
        }
        wanted.destroy();
        return out;
    }
}
