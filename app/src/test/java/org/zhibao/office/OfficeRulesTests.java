package org.zhibao.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import org.zhibao.region.Jurisdiction;
import org.zhibao.region.RegionCode;
import org.zhibao.region.Regions;

class OfficeRulesTests {

    static final Regions regions = new Regions();
    static final RegionCode ZHEJIANG = RegionCode.of("330000");
    static final RegionCode HANGZHOU = RegionCode.of("330100");
    static final RegionCode XIHU = RegionCode.of("330106");

    @Test
    void theParentIsTheOfficeOfTheNearestRegionAboveThatHasOne() {
        Map<RegionCode, Long> offices = Map.of(RegionCode.NATIONAL, 1L, ZHEJIANG, 2L, HANGZHOU, 3L);
        assertThat(OfficeRules.parentOf(XIHU, regions, at(offices))).contains(3L);
        assertThat(OfficeRules.parentOf(HANGZHOU, regions, at(offices))).contains(2L);
    }

    @Test
    void skipsRegionsWithoutAnOffice() {
        Map<RegionCode, Long> offices = Map.of(RegionCode.NATIONAL, 1L);
        assertThat(OfficeRules.parentOf(XIHU, regions, at(offices))).contains(1L);
        assertThat(OfficeRules.parentOf(XIHU, regions, at(Map.of(ZHEJIANG, 2L)))).contains(2L);
    }

    @Test
    void theNationalOfficeAndAnOfficeWithNothingAboveHaveNoParent() {
        assertThat(OfficeRules.parentOf(RegionCode.NATIONAL, regions, at(Map.of(RegionCode.NATIONAL, 1L)))).isEmpty();
        assertThat(OfficeRules.parentOf(XIHU, regions, at(Map.of()))).isEmpty();
    }

    @Test
    void neverPicksAnOfficeOfANeighbouringRegion() {
        Map<RegionCode, Long> offices = Map.of(RegionCode.of("320000"), 5L, RegionCode.of("330200"), 6L);
        assertThat(OfficeRules.parentOf(XIHU, regions, at(offices))).isEmpty();
    }

    @Test
    void admitsAFreeRegionWithinTheJurisdiction() {
        assertThat(OfficeRules.admit(create(XIHU), new Jurisdiction(ZHEJIANG), regions, taken()).code())
                .isEqualTo(XIHU);
        assertThat(OfficeRules.admit(create(XIHU), Jurisdiction.national(), regions, taken()).code())
                .isEqualTo(XIHU);
    }

    @Test
    void refusesARegionOutsideTheJurisdiction() {
        assertThatThrownBy(() -> OfficeRules.admit(create(RegionCode.of("320106")), new Jurisdiction(ZHEJIANG),
                regions, taken())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> OfficeRules.admit(create(ZHEJIANG), new Jurisdiction(HANGZHOU), regions, taken()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void refusesARegionThatAlreadyHasAnOffice() {
        assertThatThrownBy(() -> OfficeRules.admit(create(XIHU), new Jurisdiction(ZHEJIANG), regions, taken(XIHU)))
                .isInstanceOfSatisfying(OfficeNotCreated.class, e -> {
                    assertThat(e.field()).isEqualTo("regionCode");
                    assertThat(e.messageCode()).isEqualTo("office.error.region-taken");
                });
    }

    @Test
    void refusesACodeThatIsNoRegion() {
        assertThatThrownBy(() -> OfficeRules.admit(create(RegionCode.of("330199")), new Jurisdiction(ZHEJIANG),
                regions, taken())).isInstanceOfSatisfying(OfficeNotCreated.class,
                        e -> assertThat(e.messageCode()).isEqualTo("office.error.region-unknown"));
    }

    @Test
    void aCommandNeedsANameAndDropsABlankEnglishName() {
        assertThatThrownBy(() -> new CreateOffice(XIHU, "  ", null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new CreateOffice(XIHU, " Xihu ", " ").nameEn()).isNull();
        assertThat(new CreateOffice(XIHU, " Xihu ", " ").name()).isEqualTo("Xihu");
    }

    static CreateOffice create(RegionCode region) {
        return new CreateOffice(region, "Office " + region, null);
    }

    static java.util.function.Function<RegionCode, Optional<Long>> at(Map<RegionCode, Long> offices) {
        return code -> Optional.ofNullable(offices.get(code));
    }

    static java.util.function.Predicate<RegionCode> taken(RegionCode... regions) {
        return Set.of(regions)::contains;
    }
}
