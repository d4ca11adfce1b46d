package org.zhibao.leads;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The line under the progress bar names what the engine is doing, whichever of its stages it reports. */
class BatchViewTests {

    private static BatchView running(String stage) {
        return new BatchView(1, BatchKind.PATENTS, "UPLOAD", "day.jsonl", 100, 1, "000000", "officer", Instant.EPOCH,
                BatchStatus.RUNNING, "SCREEN", stage, 50, false, 1, null, List.of(), 0, 0, 0, Instant.EPOCH, null);
    }

    @ParameterizedTest
    @CsvSource({
            "index earlier batches, leads.stage.earlier, 2",
            "load index, leads.stage.index, 2",
            "index known marks, leads.stage.known, 5",
            "read, leads.stage.read, 35",
            "read filings, leads.stage.read, 35",
            "weigh, leads.stage.compare, 72",
            "minhash bands, leads.stage.compare, 75",
            "minhash pairs, leads.stage.compare, 75",
            "candidates, leads.stage.compare, 80",
            "candidates among the index, leads.stage.compare, 86",
            "rest of partial copies, leads.stage.compare, 88",
            "rest of partial copies: targets, leads.stage.compare, 88",
            "rest of partial copies: band candidates, leads.stage.compare, 88",
            "decide, leads.stage.decide, 90",
            "update index, leads.stage.update-index, 91",
            "save, leads.stage.save, 91" })
    void everyStageOfTheEngineHasItsWordsAndItsPlaceOnTheBar(String stage, String code, int percent) {
        assertThat(running(stage).stageCode()).isEqualTo(code);
        assertThat(running(stage).percent()).isEqualTo(percent);
    }
}
