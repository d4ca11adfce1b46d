package org.zhibao.screening.patent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.zhibao.screening.patent.CombinationCover.Shingles;

class CombinationCoverTests {

    /** A set of keys from..to-1, each weighing 1, plus extra keys. */
    private static Shingles set(long id, int from, int to, int... extra) {
        int[] keys = IntStream.concat(IntStream.range(from, to), IntStream.of(extra)).sorted().distinct().toArray();
        float[] weights = new float[keys.length];
        java.util.Arrays.fill(weights, 1f);
        return new Shingles(id, keys, weights, keys.length);
    }

    @Test
    void findsWhichSourceCoversWhichShareOfACombinedApplication() {
        Shingles target = set(0, 0, 100);
        Shingles first = set(1, 0, 60, 500, 501);
        Shingles second = set(2, 60, 95, 600);
        CombinationCover.Cover cover = CombinationCover.of(target, List.of(first, second));
        assertThat(cover.sources()).containsExactly(1, 2);
        assertThat(cover.shares()).containsExactly(0.6, 0.35);
        assertThat(cover.coverage()).isEqualTo(0.95);
    }

    @Test
    void aMinorSourceCountsWhenItsPartIsMuchOfItself() {
        Shingles target = set(0, 0, 100);
        Shingles major = set(1, 0, 50);
        Shingles second = set(2, 50, 85, 700, 701, 702);
        Shingles minor = set(3, 85, 100, 800, 801, 802, 803, 804, 805, 806, 807, 808, 809); // 15 of its 25
        assertThat(CombinationCover.of(target, List.of(major, second, minor)).sources()).containsExactly(1, 2, 3);
    }

    @Test
    void aFilingThatSharesOnlyAFewPhrasesOfBothIsNoSource() {
        Shingles target = set(0, 0, 100);
        Shingles copy = set(1, 0, 75);
        // 12 % of the target, 12 of its 112 own shingles: a filing of the same field, not a source
        Shingles stray = set(2, 75, 87, IntStream.range(1000, 1100).toArray());
        assertThat(CombinationCover.of(target, List.of(copy, stray))).isNull();
    }

    @Test
    void twoCopiesOfOneWorkAreOneSource() {
        Shingles target = set(0, 0, 100);
        Shingles base = set(1, 0, 70, 900, 901);
        // another edited copy of the same work: more than half of it is the base's, the rest is what the base lacks
        Shingles otherCopy = set(2, 30, 100, 900);
        assertThat(CombinationCover.of(target, List.of(base, otherCopy))).isNull();
    }

    @Test
    void oneSourceThatExplainsAlmostEverythingMakesACopyNotACombination() {
        Shingles target = set(0, 0, 100);
        assertThat(CombinationCover.of(target, List.of(set(1, 0, 90), set(2, 90, 100)))).isNull();
    }
}
