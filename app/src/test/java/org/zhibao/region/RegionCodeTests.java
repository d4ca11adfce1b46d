package org.zhibao.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegionCodeTests {

    @Test
    void tellsTheLevelFromTheTrailingZeros() {
        assertThat(RegionCode.of("000000").level()).isEqualTo(RegionLevel.NATIONAL);
        assertThat(RegionCode.of("330000").level()).isEqualTo(RegionLevel.PROVINCE);
        assertThat(RegionCode.of("330100").level()).isEqualTo(RegionLevel.PREFECTURE);
        assertThat(RegionCode.of("330106").level()).isEqualTo(RegionLevel.COUNTY);
        assertThat(RegionCode.of("419001").level()).isEqualTo(RegionLevel.COUNTY);
    }

    @Test
    void prefixKeepsOnlyTheSignificantDigits() {
        assertThat(RegionCode.NATIONAL.prefix()).isEmpty();
        assertThat(RegionCode.of("330000").prefix()).isEqualTo("33");
        assertThat(RegionCode.of("330100").prefix()).isEqualTo("3301");
        assertThat(RegionCode.of("330106").prefix()).isEqualTo("330106");
    }

    @Test
    void aJurisdictionCoversItsRegionAndWhatLiesBelowButNotItsNeighbours() {
        Jurisdiction zhejiang = new Jurisdiction(RegionCode.of("330000"));
        assertThat(zhejiang.covers(RegionCode.of("330000"))).isTrue();
        assertThat(zhejiang.covers(RegionCode.of("330106"))).isTrue();
        assertThat(zhejiang.covers(RegionCode.of("320106"))).isFalse();
        assertThat(zhejiang.covers(RegionCode.NATIONAL)).isFalse();
        assertThat(Jurisdiction.national().covers(RegionCode.of("320106"))).isTrue();
    }

    @Test
    void equalCodesAreEqualValues() {
        assertThat(RegionCode.of("330106")).isEqualTo(new RegionCode("330106")).hasToString("330106");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = { "", "33", "3301060", "33010a", " 330106", "330106 ", "３３０１０６", "-33010" })
    void rejectsAnythingButSixAsciiDigits(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> RegionCode.of(value));
    }

    @Test
    void onlyTheWholeCountryIsTheNationalJurisdiction() {
        assertThat(Jurisdiction.national().isNational()).isTrue();
        assertThat(new Jurisdiction(RegionCode.of("330000")).isNational()).isFalse();
    }
}
