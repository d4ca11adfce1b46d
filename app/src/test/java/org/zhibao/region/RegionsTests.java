package org.zhibao.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;

import org.junit.jupiter.api.Test;

class RegionsTests {

    static final Region CHINA = new Region(RegionCode.NATIONAL, "China", RegionLevel.NATIONAL, null);
    static final Region ZHEJIANG = region("330000", RegionLevel.PROVINCE, "000000");
    static final Region HANGZHOU = region("330100", RegionLevel.PREFECTURE, "330000");
    static final Region XIHU = region("330106", RegionLevel.COUNTY, "330100");
    static final Region SHANGCHENG = region("330102", RegionLevel.COUNTY, "330100");
    static final Region JIANGSU = region("320000", RegionLevel.PROVINCE, "000000");

    final Regions regions = new Regions(List.of(XIHU, JIANGSU, HANGZHOU, CHINA, SHANGCHENG, ZHEJIANG));

    @Test
    void listsChildrenByCode() {
        assertThat(regions.children(RegionCode.NATIONAL)).containsExactly(JIANGSU, ZHEJIANG);
        assertThat(regions.children(HANGZHOU.code())).containsExactly(SHANGCHENG, XIHU);
        assertThat(regions.children(XIHU.code())).isEmpty();
        assertThat(regions.children(RegionCode.of("990000"))).isEmpty();
    }

    @Test
    void walksFromTheCountryDownToARegion() {
        assertThat(regions.path(XIHU.code())).containsExactly(CHINA, ZHEJIANG, HANGZHOU, XIHU);
        assertThat(regions.ancestors(XIHU.code())).containsExactly(CHINA, ZHEJIANG, HANGZHOU);
        assertThat(regions.ancestors(RegionCode.NATIONAL)).isEmpty();
        assertThat(regions.path(RegionCode.of("990000"))).isEmpty();
    }

    @Test
    void findsOnlyListedRegions() {
        assertThat(regions.find(XIHU.code())).contains(XIHU);
        assertThat(regions.find(RegionCode.of("330199"))).isEmpty();
    }

    @Test
    void listsTheRegionsOfAJurisdictionRootFirst() {
        assertThat(regions.within(HANGZHOU.jurisdiction())).containsExactly(HANGZHOU, SHANGCHENG, XIHU);
        assertThat(regions.within(Jurisdiction.national())).hasSize(6).first().isEqualTo(CHINA);
    }

    @Test
    void refusesARegionWhoseParentIsMissing() {
        assertThatIllegalStateException().isThrownBy(() -> new Regions(List.of(CHINA, XIHU)))
                .withMessageContaining("330100");
    }

    @Test
    void refusesARegionOutsideItsParentsPrefix() {
        Region stray = region("340101", RegionLevel.COUNTY, "330100");
        assertThatIllegalStateException()
                .isThrownBy(() -> new Regions(List.of(CHINA, ZHEJIANG, HANGZHOU, stray)))
                .withMessageContaining("340101");
    }

    @Test
    void refusesALevelThatContradictsTheCode() {
        Region wrong = region("330200", RegionLevel.COUNTY, "330000");
        assertThatIllegalStateException().isThrownBy(() -> new Regions(List.of(CHINA, ZHEJIANG, wrong)));
    }

    @Test
    void refusesTheSameCodeTwice() {
        assertThatIllegalStateException().isThrownBy(() -> new Regions(List.of(CHINA, ZHEJIANG, ZHEJIANG)));
    }

    static Region region(String code, RegionLevel level, String parent) {
        return new Region(RegionCode.of(code), "Region " + code, level, RegionCode.of(parent));
    }
}
