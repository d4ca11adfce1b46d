package org.zhibao.screening.patent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A day looks today's filings up in the rests its indexed filings were left with (their rest band keys and
 * probes): an older combination whose missing source arrives today is searched again.
 */
class KeptRestsTests {

    private static final int BANDS = MinHashBands.BANDS;

    /** Two indexed applications (0, 1) and two of today's (2, 3), with the given shingle hashes. */
    private static PatentScreening.Corpus corpus(int[]... shingles) {
        PatentScreening.Corpus corpus = new PatentScreening.Corpus();
        for (int[] s : shingles) {
            corpus.shingles.add(s.clone());
            corpus.applicationNos.add("CN" + corpus.applicationNos.size());
        }
        return corpus;
    }

    private static PatentScreening.Bands bands(int n) {
        PatentScreening.Bands bands = new PatentScreening.Bands();
        bands.keys = new int[n * BANDS];
        for (int i = 0; i < bands.keys.length; i++) {
            bands.keys[i] = 1_000_000 + i; // no two applications share a key unless set
        }
        bands.keyed = new boolean[n];
        Arrays.fill(bands.keyed, true);
        return bands;
    }

    @Test
    void anIndexedRestMetInTwoBandsOrByAQuarterOfItsProbesIsSearchedAgain() {
        // today's application 2 holds a part of application 0 (shingle 16: a fifth of its weight)
        int[][] shingles = {{8, 12, 16}, {20, 24, 28, 32, 36, 40, 44, 48}, {100, 104, 16}, {200, 24, 204}};
        PatentScreening.Corpus corpus = corpus(shingles);
        Weights w = Weights.of(corpus.shingles, 4, 1);
        PatentScreening.Bands bands = bands(4);
        int[] restKeys = new int[BANDS];
        Arrays.fill(restKeys, 7);
        // today's application 2 has application 0's rest keys in bands 5 and 9
        restKeys[5] = bands.keys[2 * BANDS + 5];
        restKeys[9] = bands.keys[2 * BANDS + 9];
        Map<Integer, int[][]> kept = new HashMap<>();
        kept.put(0, new int[][] {restKeys, {}});
        // application 1's rest probes: eight hashes, of which today's application 3 holds one (24)
        kept.put(1, new int[][] {{}, {20, 24, 28, 32, 36, 40, 44, 48}});
        assertThat(PatentScreening.restsTodayMayExplain(kept, corpus, w, 2, bands)).containsExactly(0);

        // one band only: no longer
        restKeys[9] = bands.keys[9];
        assertThat(PatentScreening.restsTodayMayExplain(kept, corpus, w, 2, bands)).isEmpty();
        restKeys[9] = bands.keys[2 * BANDS + 9];

        // two bands, but application 2 gives no part of application 0: a chance collision
        PatentScreening.Corpus unrelated = corpus(new int[][] {{8, 12, 16}, {20, 24, 28, 32, 36, 40, 44, 48},
            {100, 104, 108}, {200, 24, 204}});
        Weights wu = Weights.of(unrelated.shingles, 4, 1);
        assertThat(PatentScreening.restsTodayMayExplain(kept, unrelated, wu, 2, bands)).isEmpty();
        restKeys[5] = 7;
        restKeys[9] = 7;

        // a quarter of application 1's probes held by today's application 3 (two of eight)
        int[][] more = {{8, 12, 16}, {20, 24, 28, 32, 36, 40, 44, 48}, {100, 104, 108}, {200, 24, 204, 44}};
        PatentScreening.Corpus corpus2 = corpus(more);
        Weights w2 = Weights.of(corpus2.shingles, 4, 1);
        assertThat(PatentScreening.restsTodayMayExplain(kept, corpus2, w2, 2, bands)).containsExactly(1);
    }
}
