package org.zhibao.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The shipped regions.csv, read as the application reads it. */
class RegionDatasetTests {

    // read the rows directly too, so the checks below do not rely on the loader's own validation
    static final List<Region> rows = Regions.read(new ClassPathResource(Regions.RESOURCE));
    static final Regions regions = new Regions();

    @Test
    void holdsThe31ProvincesAndPlausibleCountsBelowThem() {
        Map<RegionLevel, Long> counts = rows.stream()
                .collect(Collectors.groupingBy(Region::level, Collectors.counting()));
        assertThat(counts.get(RegionLevel.NATIONAL)).isEqualTo(1);
        assertThat(counts.get(RegionLevel.PROVINCE)).isEqualTo(31);
        assertThat(counts.get(RegionLevel.PREFECTURE)).isBetween(330L, 350L);
        assertThat(counts.get(RegionLevel.COUNTY)).isBetween(2_900L, 3_000L);
        assertThat(regions.all()).hasSameSizeAs(rows);
    }

    @Test
    void everyRegionButTheCountryHasAParentThatExists() {
        Map<RegionCode, Region> byCode = rows.stream().collect(Collectors.toMap(Region::code, Function.identity()));
        assertThat(rows).filteredOn(r -> r.level() != RegionLevel.NATIONAL)
                .allSatisfy(r -> assertThat(byCode).containsKey(r.parentCode()));
        assertThat(byCode.get(RegionCode.NATIONAL).parentCode()).isNull();
    }

    @Test
    void everyCodeStartsWithItsParentsPrefixSoPrefixJurisdictionsAreSound() {
        List<Region> breaking = rows.stream()
                .filter(r -> r.parentCode() != null && !r.code().value().startsWith(r.parentCode().prefix()))
                .toList();
        assertThat(breaking).isEmpty();
    }

    @Test
    void everyParentIsOneLevelUp() {
        Map<RegionCode, Region> byCode = rows.stream().collect(Collectors.toMap(Region::code, Function.identity()));
        assertThat(rows).filteredOn(r -> r.parentCode() != null).allSatisfy(r -> assertThat(
                byCode.get(r.parentCode()).level().ordinal()).isEqualTo(r.level().ordinal() - 1));
    }

    @Test
    void levelsInTheFileAgreeWithTheShapeOfTheCodes() {
        assertThat(rows).allSatisfy(r -> assertThat(r.code().level()).isEqualTo(r.level()));
    }

    @Test
    void knowsXihuDistrictOfHangzhou() {
        Region xihu = regions.find(RegionCode.of("330106")).orElseThrow();
        assertThat(xihu.name()).isEqualTo("西湖区");
        assertThat(xihu.level()).isEqualTo(RegionLevel.COUNTY);
        assertThat(xihu.parentCode()).isEqualTo(RegionCode.of("330100"));
        assertThat(regions.path(xihu.code())).extracting(Region::name)
                .containsExactly("中华人民共和国", "浙江省", "杭州市", "西湖区");
    }

    @Test
    void keepsPseudoPrefecturesSoCountiesKeepTheirRealParent() {
        assertThat(regions.find(RegionCode.of("110100"))).get().extracting(Region::level)
                .isEqualTo(RegionLevel.PREFECTURE);
        assertThat(regions.find(RegionCode.of("419001"))).get().extracting(Region::parentCode)
                .isEqualTo(RegionCode.of("419000"));
    }

    @Test
    void namesARegionFromTheProvinceDown() {
        assertThat(regions.fullName(RegionCode.of("330106"))).isEqualTo("浙江省 杭州市 西湖区");
        assertThat(regions.fullName(RegionCode.of("330000"))).isEqualTo("浙江省");
        assertThat(regions.fullName(RegionCode.NATIONAL)).isEmpty();
    }
}
