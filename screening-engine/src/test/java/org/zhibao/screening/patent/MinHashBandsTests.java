package org.zhibao.screening.patent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MinHashBandsTests {

    @Test
    void keysDependOnTheWeightedSetNotOnTheOrderOfItsShingles() {
        int[] hashes = {5, -7, 12, 99, 1 << 30};
        float[] weights = {1f, 2f, 3f, 4f, 5f};
        int[] reversedHashes = {1 << 30, 99, 12, -7, 5};
        float[] reversedWeights = {5f, 4f, 3f, 2f, 1f};
        assertThat(MinHashBands.keys(reversedHashes, reversedWeights)).containsExactly(MinHashBands.keys(hashes, weights));
    }

    @Test
    void twoSetsDrawTheSameSampleAsOftenAsTheirWeightedJaccardSimilarity() {
        Random random = new Random(3);
        int equal = 0;
        int drawn = 0;
        double expected = 0;
        for (int trial = 0; trial < 300; trial++) {
            // 40 shared shingles and 40 of each set's own: Jaccard of the race weights = shared / all
            int[] a = new int[80];
            int[] b = new int[80];
            float[] wa = new float[80];
            float[] wb = new float[80];
            double shared = 0;
            double all = 0;
            for (int i = 0; i < 80; i++) {
                float w = 4 + 9 * random.nextFloat();
                float v = 4 + 9 * random.nextFloat();
                a[i] = random.nextInt();
                wa[i] = w;
                if (i < 40) {
                    b[i] = a[i];
                    wb[i] = w;
                    shared += MinHashBands.raceWeight(w);
                    all += MinHashBands.raceWeight(w);
                } else {
                    b[i] = random.nextInt();
                    wb[i] = v;
                    all += MinHashBands.raceWeight(w) + MinHashBands.raceWeight(v);
                }
            }
            expected += shared / all;
            long[] sa = new long[MinHashBands.SAMPLES];
            long[] sb = new long[MinHashBands.SAMPLES];
            MinHashBands.sample(a, wa, a.length, sa);
            MinHashBands.sample(b, wb, b.length, sb);
            for (int j = 0; j < sa.length; j++) {
                equal += sa[j] == sb[j] ? 1 : 0;
                drawn++;
            }
        }
        assertThat((double) equal / drawn).isCloseTo(expected / 300, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void shinglesInOneApplicationOfTwentyOrMoreTakeNoPart() {
        float common = (float) Math.log(MinHashBands.COMMON);
        assertThat(MinHashBands.keys(new int[] {1, 2}, new float[] {0f, common})).isEmpty();
        assertThat(MinHashBands.keys(new int[] {1, 2}, new float[] {common, 6f}))
                .containsExactly(MinHashBands.keys(new int[] {2}, new float[] {6f}));
    }

    @Test
    void racesUnderTheFirstLimitDrawTheWinnersOfUnlimitedRaces() {
        Random random = new Random(11);
        int finishedUnderLimit = 0;
        for (int trial = 0; trial < 2000; trial++) {
            int m = 1 + random.nextInt(60);
            long[] byWeight = new long[m];
            double total = 0;
            for (int e = 0; e < m; e++) {
                // race weights as the corpus gives them: most shingles light, a few heavy
                float w = (float) (0.05 + 10 * Math.pow(random.nextDouble(), 3));
                total += w;
                byWeight[e] = ((long) Float.floatToIntBits(w) << 32) | (random.nextInt() & 0xffffffffL);
            }
            java.util.Arrays.sort(byWeight);
            long[] limited = new long[MinHashBands.SAMPLES];
            long[] unlimited = new long[MinHashBands.SAMPLES];
            double[] best = new double[MinHashBands.SAMPLES];
            java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(limited, -1);
            boolean finished = MinHashBands.race(byWeight, m, best, limited, 8 / total);
            java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(unlimited, -1);
            assertThat(MinHashBands.race(byWeight, m, best, unlimited, Double.POSITIVE_INFINITY)).isTrue();
            if (finished) {
                finishedUnderLimit++;
                assertThat(limited).containsExactly(unlimited);
            }
        }
        // all races finish under the limit but for a chance of about SAMPLES * e^-8 (one in twenty-three)
        assertThat(finishedUnderLimit).isBetween(1700, 1990);
    }
}
