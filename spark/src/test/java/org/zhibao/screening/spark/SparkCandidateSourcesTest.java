package org.zhibao.screening.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhibao.screening.Finding;
import org.zhibao.screening.Progress;
import org.zhibao.screening.Rule;
import org.zhibao.screening.corpus.PatentCorpusGenerator;
import org.zhibao.screening.patent.PatentScreening;

/**
 * The Spark job against the engine on a corpus where the engine's P1 findings depend on its sketch probes and on its
 * search of the rest of partly explained filings, not only on rare shingles and MinHash bands.
 *
 * <p>16,000 generated applications (seed 11, 5 % combinations): past the first few thousand the generator's real
 * abstracts are used up and its filings are made from the templates of one field, so that many hold fewer than 48
 * shingles of document frequency ≤ 100 and some parts taken from a source share only frequent shingles with it. On
 * this corpus, measured when the test was written: the engine finds 711 combinations; with its sketch probes off
 * 5 combination findings differ, with its rest search off 1 differs (and 1 duplicate group); the job without both
 * sources (and with its former prefilter on all shingles instead of the kept probes) found 698, 19 of the engine's
 * missing and 6 others instead, and 5 duplicate groups too many (pairs of a combination it missed, held to the
 * lower containment). About 40 s in Spark local[2] on two cores.
 */
class SparkCandidateSourcesTest {

    @TempDir
    static Path dir;

    @Test
    void findsTheEnginesCombinationsAndDuplicatesWhereTheSketchProbesAndTheRestSearchMatter() {
        Path patents = dir.resolve("patents.jsonl");
        new PatentCorpusGenerator(new PatentCorpusGenerator.Settings(16000, 11, 0.015, 0.05, 0.01, 0.005, 0.35, 2, 6, 0))
                .write(patents, dir.resolve("truth.jsonl"));
        List<Finding> engine = new PatentScreening(Progress.NONE, 2).screen(patents, b -> { });

        SparkSession spark = SparkSession.builder().master("local[2]").appName("zhibao candidate sources test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate();
        List<Finding> job;
        try {
            job = new SparkScreening(JavaSparkContext.fromSparkContext(spark.sparkContext()), 4).screen(patents.toString());
        } finally {
            spark.stop();
        }

        assertThat(SparkScreeningTest.groups(engine, Rule.P1_COMBINATION)).as("the engine's combinations").hasSizeGreaterThan(600);
        for (Rule rule : List.of(Rule.P1_COMBINATION, Rule.P1_DUPLICATE)) {
            assertThat(SparkScreeningTest.groups(job, rule)).as(rule.name())
                    .isEqualTo(SparkScreeningTest.groups(engine, rule));
        }
    }
}
