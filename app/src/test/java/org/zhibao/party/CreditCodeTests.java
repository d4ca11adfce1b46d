package org.zhibao.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zhibao.region.RegionCode;

class CreditCodeTests {

    @ParameterizedTest
    @ValueSource(strings = { "91440300708461136T", "91110000802100433B", "91350100M000100Y43" })
    void acceptsRealCodes(String code) {
        assertThat(CreditCode.parse(code)).get().hasToString(code);
    }

    @Test
    void readsLowerCaseAndSpaces() {
        assertThat(CreditCode.parse(" 9144 0300 7084 6113 6t ")).get().hasToString("91440300708461136T");
    }

    @ParameterizedTest
    @ValueSource(strings = { "91440300708461136U", "9144030070846113", "91440300708461136TT", "9144O300708461136T",
            "91440300708461I36T", "" })
    void refusesAWrongCheckCharacterLengthOrLetter(String code) {
        assertThat(CreditCode.parse(code)).isEmpty();
    }

    @Test
    void namesTheRegionOfRegistration() {
        assertThat(new CreditCode("91440300708461136T").registeredIn()).contains(RegionCode.of("440300"));
    }

    @Test
    void computesTheCheckCharacterFromTheFirstSeventeen() {
        assertThat(CreditCode.checkCharacterOf("91440300708461136")).isEqualTo('T');
        assertThat(CreditCode.checkCharacterOf("91350100M000100Y4")).isEqualTo('3');
    }

    @Test
    void refusesToBeMadeWithAWrongCheckCharacter() {
        assertThatThrownBy(() -> new CreditCode("91440300708461136A")).isInstanceOf(IllegalArgumentException.class);
    }
}
