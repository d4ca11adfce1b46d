package org.zhibao.screening.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhibao.screening.Finding;
import org.zhibao.screening.Jsonl;
import org.zhibao.screening.Progress;
import org.zhibao.screening.Rule;
import org.zhibao.screening.corpus.PatentCorpusGenerator;
import org.zhibao.screening.patent.PatentScreening;

/** The Spark job against the single-machine engine on one seeded generated corpus, Spark in local[2] mode. */
class SparkScreeningTest {

    @TempDir
    static Path dir;
    static SparkSession spark;
    static List<Finding> engine;
    static List<Finding> job;
    static Path written;
    static String repeated;

    @BeforeAll
    static void screenOneCorpusBothWays() throws Exception {
        Path patents = dir.resolve("patents.jsonl");
        new PatentCorpusGenerator(PatentCorpusGenerator.Settings.of(1500, 5)).write(patents, dir.resolve("truth.jsonl"));
        // one bad line in the middle: both must skip it and keep the rest
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(patents));
        lines.add(700, "{not json");
        lines.add(701, "");
        // and one filing given twice: both screen it once, from its first line
        repeated = Jsonl.parsePatent(lines.get(300)).applicationNo();
        lines.add(lines.get(300));
        Files.write(patents, lines);

        engine = new PatentScreening(Progress.NONE, 2).screen(patents, b -> { });
        spark = SparkSession.builder().master("local[2]").appName("zhibao test").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4").getOrCreate();
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        job = new SparkScreening(sc, 4).screen(patents.toString());
        written = dir.resolve("findings.jsonl");
        SparkScreening.write(job, written.toString(), sc.hadoopConfiguration());
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void findsTheSameDuplicateGroupsAndSplitFilingGroupsAsTheEngine() {
        for (Rule rule : List.of(Rule.P1_DUPLICATE, Rule.P6_SPLIT)) {
            assertThat(groups(engine, rule)).as("engine found some %s", rule).isNotEmpty();
            assertThat(groups(job, rule)).as(rule.name()).isEqualTo(groups(engine, rule));
        }
    }

    @Test
    void screensAnApplicationNumberGivenTwiceOnce() {
        assertThat(job).noneMatch(f -> f.subjects().stream().filter(repeated::equals).count() > 1);
        assertThat(job.stream().filter(f -> f.subjects().contains(repeated)).toList())
                .isEqualTo(engine.stream().filter(f -> f.subjects().contains(repeated)).toList());
    }

    @Test
    void givesTheEnginesEvidenceForEverySplitFilingGroup() {
        java.util.Map<List<String>, Object> fromEngine = evidence(engine, Rule.P6_SPLIT);
        assertThat(fromEngine).isNotEmpty();
        assertThat(evidence(job, Rule.P6_SPLIT)).isEqualTo(fromEngine);
    }

    private static java.util.Map<List<String>, Object> evidence(List<Finding> findings, Rule rule) {
        return findings.stream().filter(f -> f.rule() == rule)
                .collect(Collectors.toMap(f -> f.subjects(), f -> List.of(f.score(), f.evidence())));
    }

    @Test
    void findsTheSameCombinationsAndGeneratedTextAsTheEngine() {
        for (Rule rule : List.of(Rule.P1_COMBINATION, Rule.P4_GENERATED)) {
            assertThat(groups(job, rule)).as(rule.name()).isEqualTo(groups(engine, rule));
        }
    }

    @Test
    void writesOneFindingsFileInTheEnginesFormatAndOrder() throws Exception {
        List<String> lines = Files.readAllLines(written);
        assertThat(lines).hasSize(job.size());
        List<Finding> read = lines.stream().map(Jsonl::parseFinding).toList();
        assertThat(read.stream().map(f -> f.rule() + " " + f.subjects()).toList())
                .isEqualTo(engine.stream().map(f -> f.rule() + " " + f.subjects()).toList());
    }

    /** The findings of one rule as a set of sorted subject lists. */
    static Set<List<String>> groups(List<Finding> findings, Rule rule) {
        return findings.stream().filter(f -> f.rule() == rule).map(f -> f.subjects().stream().sorted().toList())
                .collect(Collectors.toSet());
    }
}
