package org.zhibao.screening.patent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WeightsTests {

    @Test
    void aMarkedApplicationWeighsWhatItSharesExactlyAsTheMergeDoes() {
        Random random = new Random(5);
        List<int[]> shingles = new ArrayList<>();
        for (int d = 0; d < 200; d++) {
            // hashes from a small range, so that applications share many at many document frequencies
            shingles.add(random.ints(30 + random.nextInt(300), 0, 4000).distinct().toArray());
        }
        List<int[]> ids = new ArrayList<>(shingles);
        Weights w = Weights.of(ids, ids.size(), 1);
        Weights.Marked marked = new Weights.Marked(w);
        int compared = 0;
        for (int d = 0; d < ids.size(); d++) {
            // marking the next application clears the last: a stale bit would add a shingle it does not hold
            marked.mark(ids.get(d));
            for (int e = 0; e < ids.size(); e += 7) {
                double merged = w.intersection(ids.get(d), ids.get(e));
                assertThat(marked.intersection(ids.get(e))).isEqualTo(merged);
                compared++;
            }
        }
        assertThat(compared).isEqualTo(200 * 29);
        int[] self = ids.get(3);
        marked.mark(self);
        double all = 0;
        for (int id : self) {
            all += w.weight(id);
        }
        assertThat(marked.intersection(self)).isEqualTo(all);
        marked.mark(new int[0]);
        assertThat(marked.intersection(self)).isZero();
    }
}
