package org.zhibao.screening.patent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BandPairsTests {

    private static final int BANDS = MinHashBands.BANDS;

    /** Keys of n applications, each band's key distinct per application (no collisions) unless set later. */
    private static int[] distinctKeys(int n) {
        int[] keys = new int[n * BANDS];
        for (int d = 0; d < n; d++) {
            for (int band = 0; band < BANDS; band++) {
                keys[d * BANDS + band] = d * 1000 + band;
            }
        }
        return keys;
    }

    private static int[] row(int[][] rows, int a) {
        return Arrays.copyOfRange(rows[1], rows[0][a], rows[0][a + 1]);
    }

    private static boolean[] allKeyed(int n) {
        boolean[] keyed = new boolean[n];
        Arrays.fill(keyed, true);
        return keyed;
    }

    @Test
    void aPairIsACandidateWhenItCollidesInTwoBandsNotOne() {
        int[] keys = distinctKeys(4);
        // 0 and 1 collide in bands 3 and 40; 0 and 2 in band 5 only; 1 and 3 in bands 7, 8 and 9
        keys[1 * BANDS + 3] = keys[3];
        keys[1 * BANDS + 40] = keys[40];
        keys[2 * BANDS + 5] = keys[5];
        for (int band = 7; band <= 9; band++) {
            keys[3 * BANDS + band] = keys[1 * BANDS + band];
        }
        int[][] rows = PatentScreening.bandPairs(keys, allKeyed(4), 0);
        assertThat(MinHashBands.HITS).isEqualTo(2);
        assertThat(row(rows, 0)).containsExactly(1);
        assertThat(row(rows, 1)).containsExactly(3);
        assertThat(row(rows, 2)).isEmpty();
        assertThat(row(rows, 3)).isEmpty();
    }

    @Test
    void onlyPairsWithANewApplicationAndOnlyKeyedApplicationsArePaired() {
        int[] keys = distinctKeys(4);
        // all four collide in bands 0 and 1; application 2 has no keys (nothing raced)
        for (int d = 1; d < 4; d++) {
            keys[d * BANDS] = keys[0];
            keys[d * BANDS + 1] = keys[1];
        }
        boolean[] keyed = allKeyed(4);
        keyed[2] = false;
        int[][] rows = PatentScreening.bandPairs(keys, keyed, 3);
        assertThat(row(rows, 0)).containsExactly(3);
        assertThat(row(rows, 1)).containsExactly(3);
        assertThat(row(rows, 2)).isEmpty();
        assertThat(row(rows, 3)).isEmpty();
        assertThat(rows[1]).hasSize(2);
    }

    @Test
    void inABucketEachApplicationIsPairedWithTheNextWindowInInputOrder() {
        int n = MinHashBands.WINDOW + 5;
        int[] keys = distinctKeys(n);
        // one bucket of all of them in bands 10 and 20
        for (int d = 0; d < n; d++) {
            keys[d * BANDS + 10] = 77;
            keys[d * BANDS + 20] = 88;
        }
        int[][] rows = PatentScreening.bandPairs(keys, allKeyed(n), 0);
        int[] first = row(rows, 0);
        assertThat(first).hasSize(MinHashBands.WINDOW);
        assertThat(first[0]).isEqualTo(1);
        assertThat(first[first.length - 1]).isEqualTo(MinHashBands.WINDOW);
        assertThat(row(rows, n - 2)).containsExactly(n - 1);
        assertThat(rows[1]).hasSize((n - MinHashBands.WINDOW) * MinHashBands.WINDOW
                + MinHashBands.WINDOW * (MinHashBands.WINDOW - 1) / 2);
    }

    /**
     * An incremental day's bands hold only the buckets a new application is in: the rows must be those of the
     * definition (each keyed application paired with the next {@link MinHashBands#WINDOW} of its bucket in input
     * order, kept when met in {@link MinHashBands#HITS} bands and the later one is new) whatever the day's start.
     */
    @Test
    void rowsAreThoseOfTheDefinitionForEveryFirstNewApplication() {
        java.util.Random random = new java.util.Random(11);
        int n = 300;
        int[] keys = new int[n * BANDS];
        boolean[] keyed = new boolean[n];
        for (int d = 0; d < n; d++) {
            keyed[d] = random.nextInt(10) > 0;
            for (int band = 0; band < BANDS; band++) {
                // a few bands of large buckets (more than a window), the others of small ones
                int range = band % 8 == 0 ? 4 : 150;
                keys[d * BANDS + band] = random.nextInt(range) * 7919 - 5000;
            }
        }
        for (int firstNew : new int[] {0, 1, 150, 299, 300}) {
            int[][] rows = PatentScreening.bandPairs(keys, keyed, firstNew);
            for (int a = 0; a < n; a++) {
                assertThat(row(rows, a)).as("application %d, day from %d", a, firstNew)
                        .containsExactly(byDefinition(keys, keyed, firstNew, a));
            }
        }
    }

    /**
     * An incremental day's pairs among the index: those of the definition with an involved application and none
     * searched before.
     */
    @Test
    void involvedPairsAmongTheIndexAreThoseOfTheDefinition() {
        java.util.Random random = new java.util.Random(13);
        int n = 300;
        int firstNew = 240;
        int[] keys = new int[n * BANDS];
        boolean[] keyed = new boolean[n];
        boolean[] involved = new boolean[n];
        boolean[] searched = new boolean[n];
        for (int d = 0; d < n; d++) {
            keyed[d] = random.nextInt(10) > 0;
            involved[d] = d < firstNew && random.nextInt(5) == 0;
            searched[d] = d < firstNew && !involved[d] && random.nextInt(8) == 0;
            for (int band = 0; band < BANDS; band++) {
                keys[d * BANDS + band] = random.nextInt(band % 8 == 0 ? 4 : 150);
            }
        }
        java.util.List<Long> expected = new java.util.ArrayList<>();
        for (int a = 0; a < firstNew; a++) {
            // the definition's pairs of a with any later application, of which those in the index with one involved
            for (int c : byDefinition(keys, keyed, 0, a)) {
                if (c < firstNew && (involved[a] || involved[c]) && !searched[a] && !searched[c]) {
                    expected.add(((long) a << 32) | c);
                }
            }
        }
        assertThat(expected).hasSizeGreaterThan(100);
        assertThat(PatentScreening.involvedBandPairs(keys, keyed, firstNew, involved, searched))
                .containsExactly(expected.stream().mapToLong(Long::longValue).toArray());
    }

    private static int[] byDefinition(int[] keys, boolean[] keyed, int firstNew, int a) {
        int n = keyed.length;
        int[] met = new int[n];
        if (keyed[a]) {
            for (int band = 0; band < BANDS; band++) {
                int key = keys[a * BANDS + band];
                int after = 0;
                for (int c = a + 1; c < n && after < MinHashBands.WINDOW; c++) {
                    if (keyed[c] && keys[c * BANDS + band] == key) {
                        after++;
                        if (c >= firstNew) {
                            met[c]++;
                        }
                    }
                }
            }
        }
        return java.util.stream.IntStream.range(0, n).filter(c -> met[c] >= MinHashBands.HITS).toArray();
    }
}
