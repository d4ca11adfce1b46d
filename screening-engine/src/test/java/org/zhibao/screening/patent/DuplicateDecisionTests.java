package org.zhibao.screening.patent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DuplicateDecisionTests {

    @Test
    void aHeavilyEditedCopyThatMeasuresUnderHalfOneWayIsStillADuplicate() {
        // measured on the benchmark's corpus of 2,000 (seed 11): a copy with every word swapped for a synonym and
        // a sentence added; MLlib's Jaccard join found it, the cut at one half did not
        assertThat(DuplicateDecision.duplicate(0.723, 0.451, false)).isTrue();
        assertThat(DuplicateDecision.duplicate(0.451, 0.723, false)).isTrue();
    }

    @Test
    void aCopyWithEverySynonymSwappedAndItsSentencesReorderedIsADuplicate() {
        // measured on 20,000 filings (seed 19, edit strength 0.7): a pair the cut at 0.45 missed
        assertThat(DuplicateDecision.duplicate(0.475, 0.435, false)).isTrue();
        assertThat(DuplicateDecision.duplicate(0.421, 0.406, false)).isTrue();
    }

    @Test
    void filingsSharingLessThanTheCutOneWayAreNoDuplicates() {
        assertThat(DuplicateDecision.duplicate(0.9, 0.39, false)).isFalse();
        assertThat(DuplicateDecision.duplicate(0.3, 0.3, false)).isFalse();
        // unrelated filings of one field: 99.99 % of random pairs share under 0.15
        assertThat(DuplicateDecision.duplicate(0.15, 0.15, false)).isFalse();
    }

    @Test
    void aCombinationAndItsSourceAreDuplicatesOnlyWhenEachHoldsFourFifthsOfTheOther() {
        assertThat(DuplicateDecision.duplicate(0.723, 0.451, true)).isFalse();
        assertThat(DuplicateDecision.duplicate(0.85, 0.81, true)).isTrue();
    }

    @Test
    void aPairIsKeptWhenOneCoversAFifthOfTheOther() {
        assertThat(DuplicateDecision.keep(0.2, 0.05)).isTrue();
        assertThat(DuplicateDecision.keep(0.19, 0.19)).isFalse();
    }
}
