package org.zhibao.screening.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.zhibao.screening.patent.MinHashBands;

/** Which band candidates of a rest are verified: met in two bands, or in a whole bucket of at most WINDOW. */
class RestBandCandidatesTest {

    /** The heads of a bucket larger than WINDOW, as the job hands them on: WINDOW of them and one more. */
    private static long[] headOfALargeBucket(long first) {
        return LongStream.range(first, first + MinHashBands.WINDOW + 1).toArray();
    }

    @Test
    void aWholeSmallBucketGivesItsHoldersOnOneHitALargeOneOnlyThoseMetTwice() {
        long[] small = {5, 6};
        long[] large = headOfALargeBucket(100);
        long[] otherLarge = headOfALargeBucket(110);
        List<Long> verified = RestSearch.verifiedOnes(1, 0, List.of(small, large, otherLarge), List.of());
        // 5, 6: a whole bucket; 110..131: in both large heads; 100..109 once; 132 and 142 beyond the window
        assertThat(verified).containsExactlyInAnyOrderElementsOf(
                LongStream.concat(LongStream.of(5, 6), LongStream.range(110, 100 + MinHashBands.WINDOW))
                        .boxed().toList());
    }

    @Test
    void aBucketOfExactlyWindowHoldersIsWhole() {
        long[] exactly = LongStream.range(10, 10 + MinHashBands.WINDOW).toArray();
        assertThat(RestSearch.verifiedOnes(1, 0, List.of(exactly), List.of())).hasSize(MinHashBands.WINDOW);
        assertThat(RestSearch.verifiedOnes(1, 0, List.of(headOfALargeBucket(10)), List.of())).isEmpty();
    }
}
