package org.zhibao.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.TestPropertySource;
import org.zhibao.IntegrationTest;
import org.zhibao.region.Jurisdiction;
import org.zhibao.region.RegionCode;
import org.zhibao.region.RegionLevel;

/** Offices against the real database. The database is shared with other test classes: no exact totals. */
@IntegrationTest
// these tests lay out their own offices: no demo offices (a real installation's national office is there)
@TestPropertySource(properties = "zhibao.demo-data=false")
class OfficesIntegrationTests {

    static final Jurisdiction NATIONAL = Jurisdiction.national();

    @Autowired
    Offices offices;

    @Test
    void anOfficeAddedInBetweenBecomesTheParentOfTheOfficesBelowIt() {
        OfficeView province = ensure("440000");
        OfficeView county = offices.create(new CreateOffice(RegionCode.of("440305"), "Nanshan office", null), NATIONAL);
        assertThat(county.parentId()).isEqualTo(province.id());
        assertThat(county.level()).isEqualTo(RegionLevel.COUNTY);

        OfficeView prefecture = offices.create(new CreateOffice(RegionCode.of("440300"), "Shenzhen office", "Shenzhen"),
                NATIONAL);

        assertThat(prefecture.parentId()).isEqualTo(province.id());
        assertThat(offices.find(county.id())).get().extracting(OfficeView::parentId).isEqualTo(prefecture.id());
        assertThat(offices.find(province.id())).get().extracting(OfficeView::parentId)
                .isEqualTo(offices.findByRegion(RegionCode.NATIONAL).map(OfficeView::id).orElse(null));
    }

    @Test
    void listsOnlyTheOfficesWithinTheJurisdiction() {
        OfficeView zhejiang = ensure("330000");
        OfficeView ningbo = ensure("330200");
        OfficeView jiangsu = ensure("320000");
        Jurisdiction zhejiangJurisdiction = zhejiang.jurisdiction();

        assertThat(offices.list(zhejiangJurisdiction, OfficeFilter.none()))
                .extracting(OfficeView::id).contains(zhejiang.id(), ningbo.id()).doesNotContain(jiangsu.id());
        assertThat(offices.list(zhejiangJurisdiction, OfficeFilter.none()))
                .allSatisfy(o -> assertThat(o.regionCode().value()).startsWith("33"));
        assertThat(offices.list(NATIONAL, OfficeFilter.none()))
                .extracting(OfficeView::id).contains(zhejiang.id(), ningbo.id(), jiangsu.id());
    }

    @Test
    void aFilterNarrowsButNeverWidensTheJurisdiction() {
        OfficeView zhejiang = ensure("330000");
        OfficeView ningbo = ensure("330200");
        ensure("320000");

        assertThat(offices.list(zhejiang.jurisdiction(), new OfficeFilter(null, RegionCode.of("330200"))))
                .extracting(OfficeView::id).containsExactly(ningbo.id());
        assertThat(offices.list(zhejiang.jurisdiction(), new OfficeFilter(null, RegionCode.of("320000")))).isEmpty();
        assertThat(offices.list(zhejiang.jurisdiction(), new OfficeFilter("office 330200", null)))
                .extracting(OfficeView::id).containsExactly(ningbo.id());
        assertThat(offices.list(zhejiang.jurisdiction(), new OfficeFilter("%", null))).isEmpty();
    }

    @Test
    void theJurisdictionOfAnOfficeIsItsRegion() {
        OfficeView ningbo = ensure("330200");
        assertThat(offices.jurisdictionOf(ningbo.id())).isEqualTo(new Jurisdiction(RegionCode.of("330200")));
        assertThatThrownBy(() -> offices.jurisdictionOf(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAnOfficeOutsideTheCreatorsJurisdiction() {
        OfficeView zhejiang = ensure("330000");
        assertThatThrownBy(() -> offices.create(new CreateOffice(RegionCode.of("320500"), "Suzhou office", null),
                zhejiang.jurisdiction())).isInstanceOf(AccessDeniedException.class);
        assertThat(offices.findByRegion(RegionCode.of("320500"))).isEmpty();
    }

    @Test
    void refusesASecondOfficeForARegion() {
        ensure("330200");
        assertThatThrownBy(() -> offices.create(new CreateOffice(RegionCode.of("330200"), "Again", null), NATIONAL))
                .isInstanceOf(OfficeNotCreated.class);
    }

    OfficeView ensure(String code) {
        RegionCode region = RegionCode.of(code);
        if (!region.equals(RegionCode.NATIONAL)) {
            ensure(RegionCode.NATIONAL.value());
        }
        return offices.findByRegion(region)
                .orElseGet(() -> offices.create(new CreateOffice(region, "Office " + code, null), NATIONAL));
    }
}
