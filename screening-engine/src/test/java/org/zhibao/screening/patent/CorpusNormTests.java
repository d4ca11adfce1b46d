package org.zhibao.screening.patent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** P4's norm: a text is judged against filings of its own length (the cache model's gain grows with length). */
class CorpusNormTests {

    private static final GeneratedTextRule RULE = GeneratedTextRule.reference();

    /** Genuine texts whose gain grows with ln(length), as the cache model's does, with a spread of 0.02. */
    private static List<GeneratedTextRule.TextMeasures> corpus(int n) {
        Random random = new Random(5);
        List<GeneratedTextRule.TextMeasures> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int length = 200 + random.nextInt(700);
            out.add(text(gainOfGenuine(length) + 0.02 * random.nextGaussian(), length));
        }
        return out;
    }

    private static double gainOfGenuine(int length) {
        return 0.15 * Math.log(length) - 0.2;
    }

    private static GeneratedTextRule.TextMeasures text(double gain, int length) {
        return new GeneratedTextRule.TextMeasures(5, 9, gain, 0.5, length);
    }

    @Test
    void aLongTextIsJudgedAgainstLongTextsAndAShortOneAgainstShortOnes() {
        GeneratedTextRule.CorpusNorm norm = GeneratedTextRule.CorpusNorm.of(corpus(20000));
        assertThat(norm.lengthKnots()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(norm.expectedGain(850)).isCloseTo(gainOfGenuine(850), org.assertj.core.data.Offset.offset(0.01));
        assertThat(norm.expectedGain(220)).isCloseTo(gainOfGenuine(220), org.assertj.core.data.Offset.offset(0.01));
        // a long text 0.1 below its peers (five spreads) but about the corpus's median: thrown together
        GeneratedTextRule.TextMeasures longSalad = text(gainOfGenuine(850) - 0.1, 850);
        assertThat(longSalad.contextGain()).isGreaterThan(norm.gainMedian() - 0.05);
        assertThat(RULE.decide("CN1", longSalad, norm)).isNotNull();
        // a short genuine text at its peers' gain, well below the corpus's median: not flagged
        GeneratedTextRule.TextMeasures shortGenuine = text(gainOfGenuine(220) - 0.02, 220);
        assertThat(shortGenuine.contextGain()).isLessThan(norm.gainMedian() - 0.1);
        assertThat(RULE.decide("CN2", shortGenuine, norm)).isNull();
    }

    @Test
    void aSmallBatchKeepsOneNormForAllLengths() {
        GeneratedTextRule.CorpusNorm norm = GeneratedTextRule.CorpusNorm.of(corpus(3000));
        assertThat(norm.lengthKnots()).isEmpty();
        assertThat(norm.expectedGain(220)).isEqualTo(norm.gainMedian());
        assertThat(norm.expectedGain(850)).isEqualTo(norm.gainMedian());
    }
}
