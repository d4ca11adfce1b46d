package org.zhibao.screening.patent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhibao.screening.Jsonl;
import org.zhibao.screening.Progress;
import org.zhibao.screening.RealPatents;
import org.zhibao.screening.Shingler;

/** What the incremental index keeps of each application's language measures. */
class PatentIndexTests {

    @Test
    void theMarkOfATextTheLanguageModelLearntFromIsKeptWithItsLength(@TempDir Path dir) throws Exception {
        List<RealPatents.RealPatent> real = RealPatents.load();
        // the model learnt from the odd-numbered half of the shipped abstracts
        List<String> lines = List.of(line("CN1", real.get(1)), line("CN2", real.get(2)));
        Path index = dir.resolve("index");
        new PatentScreening(Progress.NONE, 2).screenIncrementally(Files.write(dir.resolve("day.jsonl"), lines), index,
                bad -> { });
        PatentScreening.Corpus corpus = new PatentScreening.Corpus();
        try (PatentIndex loaded = PatentIndex.open(index)) {
            loaded.load(corpus, Progress.NONE);
        }
        assertThat(corpus.measures).extracting(GeneratedTextRule.TextMeasures::modelText).containsExactly(true, false);
        for (int i = 0; i < 2; i++) {
            GeneratedTextRule.TextMeasures measured = GeneratedTextRule.reference().measure(
                    ContentProfile.of(Jsonl.parsePatent(lines.get(i)), Shingler.standard()));
            assertThat(corpus.measures.get(i)).isEqualTo(measured);
        }
    }

    private static String line(String applicationNo, RealPatents.RealPatent p) {
        return Jsonl.writeValue(Map.of("applicationNo", applicationNo, "kind", "INVENTION", "title", p.title(),
                "abstract", p.abstractText(), "claims", "1.一种方法，其特征在于，包括接收数据。"));
    }
}
