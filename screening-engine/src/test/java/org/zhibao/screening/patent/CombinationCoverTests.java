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

    /*
     * Was "oneSourceThatExplainsAlmostEverythingMakesACopyNotACombination" (expected no cover for 90 % of one source
     * and 10 % of another). That rule is dropped: the other source gives all of itself, so the filing is a copy with
     * a part of another added, which is a combination; a copy whose rest only some filing of the field shares stays a
     * copy (next test).
     */
    @Test
    void aCopyWithAPartOfAnotherAddedIsACombination() {
        Shingles target = set(0, 0, 100);
        CombinationCover.Cover cover = CombinationCover.of(target, List.of(set(1, 0, 88), set(2, 88, 100)));
        assertThat(cover.sources()).containsExactly(1, 2);
        assertThat(cover.shares()).containsExactly(0.88, 0.12);
    }

    @Test
    void aCopyWhoseRestOnlyAFilingOfTheFieldSharesIsACopy() {
        Shingles target = set(0, 0, 100);
        Shingles field = set(2, 88, 100, IntStream.range(2000, 2100).toArray()); // 12 of its 112
        assertThat(CombinationCover.of(target, List.of(set(1, 0, 88), field))).isNull();
    }

    @Test
    void anEditedCombinationIsCoveredSeventyPerCent() {
        // the edits left 28 shingles of the target in no other filing
        Shingles target = set(0, 0, 100);
        Shingles first = set(1, 0, 40, 500, 501, 502, 503, 504, 505, 506, 507, 508, 509);
        Shingles second = set(2, 40, 72, 600, 601, 602, 603, 604, 605, 606, 607);
        assertThat(CombinationCover.of(target, List.of(first, second)).coverage()).isEqualTo(0.72);
        assertThat(CombinationCover.of(set(0, 0, 100), List.of(set(1, 0, 40), set(2, 40, 68)))).isNull();
    }

    @Test
    void phrasesSourcesShareWithTheirWholeFieldMakeNoCombination() {
        // three filings each holding a quarter of the target but a tenth of themselves: the field's phrases
        Shingles target = set(0, 0, 100);
        Shingles a = set(1, 0, 27, IntStream.range(1000, 1240).toArray());
        Shingles b = set(2, 27, 52, IntStream.range(2000, 2230).toArray());
        Shingles c = set(3, 52, 76, IntStream.range(3000, 3220).toArray());
        assertThat(CombinationCover.of(target, List.of(a, b, c))).isNull();
        // the same shares taken as parts of the sources (a third of each) make one
        Shingles a2 = set(1, 0, 27, IntStream.range(1000, 1054).toArray());
        Shingles b2 = set(2, 27, 52, IntStream.range(2000, 2050).toArray());
        Shingles c2 = set(3, 52, 76, IntStream.range(3000, 3048).toArray());
        assertThat(CombinationCover.of(target, List.of(a2, b2, c2)).sources()).containsExactly(1, 2, 3);
    }

    @Test
    void aFilingIsNotCombinedFromItsOwnCombination() {
        // 1 is the combination of 2 and 3 (covers all of it); 2 looks covered by 1 and 4 (less well)
        CombinationCover.Cover combination = new CombinationCover.Cover(1, new long[] {2, 3}, new double[] {0.5, 0.45}, 0.95);
        CombinationCover.Cover source = new CombinationCover.Cover(2, new long[] {1, 4}, new double[] {0.55, 0.22}, 0.77);
        CombinationCover.Cover other = new CombinationCover.Cover(7, new long[] {2, 8}, new double[] {0.5, 0.4}, 0.9);
        List<CombinationCover.Cover> covers = List.of(combination, source, other);
        var exclusions = CombinationCover.mutualExclusions(covers);
        assertThat(exclusions).isEqualTo(java.util.Map.of(2L, java.util.Set.of(1L)));
        // decided again without 1, filing 2 is no combination
        assertThat(CombinationCover.resolved(covers, exclusions, java.util.Map.of())).containsExactly(combination, other);
    }

    @Test
    void ofTwoCombinationsOfOneSourceTheWeakerFindsTheOriginal() {
        // 10 and 11 each took keys 0-49 of source 1 (10 with keys 50-99 of 2, 11 with keys 100-149 of 3)
        Shingles source = set(1, 0, 100);
        Shingles c10 = set(10, 0, 100);
        Shingles c11 = set(11, 0, 50, IntStream.range(100, 150).toArray());
        Shingles s3 = set(3, 100, 150, IntStream.range(600, 650).toArray());
        // as candidates, 11 is an option of 10 and 10 of 11: the first pass may pick either
        CombinationCover.Cover first10 = new CombinationCover.Cover(10, new long[] {11, 2}, new double[] {0.5, 0.5}, 1.0);
        CombinationCover.Cover first11 = new CombinationCover.Cover(11, new long[] {10, 3}, new double[] {0.5, 0.5}, 1.0);
        var exclusions = CombinationCover.mutualExclusions(List.of(first10, first11));
        assertThat(exclusions).isEqualTo(java.util.Map.of(11L, java.util.Set.of(10L)));
        CombinationCover.Cover again = CombinationCover.of(c11, List.of(c10, source, s3), exclusions.get(11L));
        assertThat(again.sources()).containsExactly(1, 3);
    }
}
