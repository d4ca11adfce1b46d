package org.zhibao.screening.patent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.zhibao.screening.patent.CombinationCover.Shingles;

/** Which applications the targeted search for the rest of a combination looks at, and for what. */
class UnexplainedRestTests {

    /** A set of keys from..to-1, each weighing 1, plus keys from..to-1 of its own (none of the target's). */
    private static Shingles set(long id, int from, int to, int ownFrom, int ownTo) {
        int[] keys = IntStream.concat(IntStream.range(from, to), IntStream.range(ownFrom, ownTo)).sorted().distinct()
                .toArray();
        float[] weights = new float[keys.length];
        java.util.Arrays.fill(weights, 1f);
        return new Shingles(id, keys, weights, keys.length);
    }

    private static final Shingles TARGET = set(0, 0, 100, 0, 0);

    /** Three filings of the field, each sharing a fifth of the target in its phrases, little of their own. */
    private static List<Shingles> fieldFilings() {
        return List.of(set(11, 40, 62, 1000, 1200), set(12, 55, 77, 2000, 2200), set(13, 70, 92, 3000, 3200));
    }

    @Test
    void aTargetWithOneSourceIsSearchedForTheRestEvenWhenFilingsOfItsFieldCoverMuchOfIt() {
        // the source gives 40 of the target and 40 of its own 150; the field's filings reach 0.92 together with it
        // (and make no cover with it: what they give is a tenth of each)
        Shingles source = set(1, 0, 40, 500, 610);
        List<Shingles> options = new java.util.ArrayList<>(List.of(source));
        options.addAll(fieldFilings());
        boolean[] covered = PatentScreening.unexplained(TARGET, options);
        assertThat(covered).isNotNull();
        // the rest searched for is what no option covering a fifth holds: 92..99
        assertThat(IntStream.range(0, 100).filter(i -> !covered[i]).toArray()).containsExactly(92, 93, 94, 95, 96, 97, 98, 99);
    }

    @Test
    void filingsThatShareOnlyTheFieldsPhrasesStartNoSearch() {
        assertThat(PatentScreening.unexplained(TARGET, fieldFilings())).isNull();
    }

    @Test
    void aCopyIsNotSearched() {
        assertThat(PatentScreening.unexplained(TARGET, List.of(set(1, 0, 85, 500, 510)))).isNull();
    }

    @Test
    void aCombinationItsOptionsExplainAlreadyIsNotSearched() {
        Shingles first = set(1, 0, 50, 500, 540);
        Shingles second = set(2, 50, 95, 600, 640);
        assertThat(CombinationCover.of(TARGET, List.of(first, second))).isNotNull();
        assertThat(PatentScreening.unexplained(TARGET, List.of(first, second))).isNull();
    }

    @Test
    void aSourceThatGivesLittleOfItselfIsNoPartToSearchFrom() {
        // a fifth of the target, but a tenth of its own content
        assertThat(PatentScreening.isPart(0.3, 0.1)).isFalse();
        assertThat(PatentScreening.isPart(0.3, 0.3)).isTrue();
        assertThat(PatentScreening.isPart(0.15, 0.9)).isFalse();
    }
}
