package org.zhibao.screening.spark;

import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.zhibao.screening.patent.GeneratedTextRule;

/**
 * P4 on Spark: the language measures were taken per application while parsing (the costly part, spread over
 * the executors); the corpus norm (the gain expected at a text's length and vocabulary, and the MAD about it) is
 * the engine's {@code CorpusNorm.of} over all measures, which come to the driver as six doubles per application
 * (about 70 MB per million); the decision runs on the executors against the broadcast norm.
 */
final class GeneratedStage {

    private GeneratedStage() {
    }

    static GeneratedTextRule.CorpusNorm norm(JavaRDD<Doc> docs) {
        List<double[]> all = docs.map(d -> d.measures).collect();
        return GeneratedTextRule.CorpusNorm.of(all.stream().map(Doc::measures).toList());
    }

    /** Input line indexes of the applications the engine's rule flags, in input order. */
    static List<Long> flagged(JavaSparkContext sc, JavaRDD<Doc> docs, GeneratedTextRule.CorpusNorm norm) {
        Broadcast<GeneratedTextRule.CorpusNorm> b = sc.broadcast(norm);
        List<Long> out = docs.filter(d -> Doc.Engine.LANGUAGE.decide(d.applicationNo, d.textMeasures(), b.value()) != null)
                .map(d -> d.id).collect();
        b.destroy();
        return out.stream().sorted().toList();
    }
}
