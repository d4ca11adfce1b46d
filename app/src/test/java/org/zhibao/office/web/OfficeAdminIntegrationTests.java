package org.zhibao.office.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.context.TestPropertySource;
import org.zhibao.IntegrationTest;
import org.zhibao.TestUsers;
import org.zhibao.identity.Role;
import org.zhibao.office.CreateOffice;
import org.zhibao.office.OfficeView;
import org.zhibao.office.Offices;
import org.zhibao.region.Jurisdiction;
import org.zhibao.region.RegionCode;

/** The administrator's office pages. The database is shared with other test classes: no exact totals. */
@IntegrationTest
// these tests lay out their own offices: no demo offices (a real installation's national office is there)
@TestPropertySource(properties = "zhibao.demo-data=false")
class OfficeAdminIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Offices offices;

    OfficeView zhejiang;
    OfficeView hangzhou;
    OfficeView jiangsu;

    @BeforeEach
    void offices() {
        ensure("000000");
        zhejiang = ensure("330000");
        hangzhou = ensure("330100");
        jiangsu = ensure("320000");
    }

    @Test
    void aProvincialAdminSeesTheProvincesOfficesButNotAnotherProvinces() throws Exception {
        mvc.perform(get("/admin/offices").with(TestUsers.official("330000", Role.SYSTEM_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-region=\"330000\"")))
                .andExpect(content().string(containsString("data-region=\"330100\"")))
                .andExpect(content().string(not(containsString("data-region=\"320000\""))))
                .andExpect(content().string(not(containsString("data-region=\"000000\""))));
    }

    @Test
    void aNationalAdminSeesAllOffices() throws Exception {
        mvc.perform(get("/admin/offices").with(TestUsers.official("000000", Role.SYSTEM_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-region=\"000000\"")))
                .andExpect(content().string(containsString("data-region=\"330100\"")))
                .andExpect(content().string(containsString("data-region=\"320000\"")));
    }

    @Test
    void filtersByRegionWithinTheJurisdiction() throws Exception {
        mvc.perform(get("/admin/offices").param("region", "330100")
                        .with(TestUsers.official("330000", Role.SYSTEM_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-region=\"330100\"")))
                .andExpect(content().string(not(containsString("data-region=\"330000\""))));
        mvc.perform(get("/admin/offices").param("region", "32")
                        .with(TestUsers.official("330000", Role.SYSTEM_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"filter-region-error\"")));
    }

    @Test
    void onlySystemAdministratorsReachThePages() throws Exception {
        mvc.perform(get("/admin/offices").with(TestUsers.official("330000", Role.OFFICER)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/offices").with(TestUsers.official("330000", Role.SECURITY_ADMIN)))
                .andExpect(status().isForbidden());
    }

    @Test
    void showsTheNewOfficeFormWithTheJurisdictionsFreeRegions() throws Exception {
        mvc.perform(get("/admin/offices/new").with(TestUsers.official("330100", Role.SYSTEM_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"330106\"")))
                .andExpect(content().string(not(containsString("value=\"330100\""))))
                .andExpect(content().string(not(containsString("value=\"320106\""))));
    }

    @Test
    void createsAnOfficeBelowTheAdminsAndDerivesItsParent() throws Exception {
        mvc.perform(post("/admin/offices").with(csrf()).with(TestUsers.official("330000", Role.SYSTEM_ADMIN))
                        .param("regionCode", "330110").param("name", "Yuhang IP office").param("nameEn", ""))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/admin/offices/*"));

        OfficeView yuhang = offices.findByRegion(RegionCode.of("330110")).orElseThrow();
        assertThat(yuhang.name()).isEqualTo("Yuhang IP office");
        assertThat(yuhang.nameEn()).isNull();
        assertThat(yuhang.parentId()).isEqualTo(hangzhou.id());
    }

    @Test
    void refusesToCreateAnOfficeOutsideTheJurisdiction() throws Exception {
        mvc.perform(post("/admin/offices").with(csrf()).with(TestUsers.official("330000", Role.SYSTEM_ADMIN))
                        .param("regionCode", "320100").param("name", "Nanjing IP office"))
                .andExpect(status().isForbidden());
        assertThat(offices.findByRegion(RegionCode.of("320100"))).isEmpty();
    }

    @Test
    void refusesASecondOfficeForARegionWithAnErrorNextToTheField() throws Exception {
        mvc.perform(post("/admin/offices").with(csrf()).with(TestUsers.official("330000", Role.SYSTEM_ADMIN))
                        .param("regionCode", "330100").param("name", "Another Hangzhou office"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "regionCode", "office.error.region-taken"))
                .andExpect(content().string(containsString("id=\"regionCode-error\"")))
                .andExpect(content().string(containsString("aria-describedby=\"regionCode-error regionCode-hint\"")))
                .andExpect(content().string(containsString("该行政区划已有知识产权局。")));
        assertThat(offices.findByRegion(RegionCode.of("330100"))).get().extracting(OfficeView::name)
                .isEqualTo(hangzhou.name());
    }

    @Test
    void explainsMalformedAndUnknownRegionCodesInTheChosenLanguage() throws Exception {
        mvc.perform(post("/admin/offices").param("lang", "en").with(csrf())
                        .with(TestUsers.official("330000", Role.SYSTEM_ADMIN))
                        .param("regionCode", "33").param("name", ""))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "regionCode", "name"))
                .andExpect(content().string(containsString("A region code has six digits.")))
                .andExpect(content().string(containsString("Enter a name.")));
        mvc.perform(post("/admin/offices").with(csrf()).with(TestUsers.official("330000", Role.SYSTEM_ADMIN))
                        .param("regionCode", "330199").param("name", "Nowhere"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "regionCode", "office.error.region-unknown"));
    }

    @Test
    void showsAnOfficeWithinTheJurisdiction() throws Exception {
        mvc.perform(get("/admin/offices/{id}", hangzhou.id()).with(TestUsers.official("330000", Role.SYSTEM_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(hangzhou.name())))
                .andExpect(content().string(containsString("/admin/offices/" + zhejiang.id())));
    }

    @Test
    void refusesTheDetailOfAnOfficeOutsideTheJurisdiction() throws Exception {
        mvc.perform(get("/admin/offices/{id}", jiangsu.id()).with(TestUsers.official("330000", Role.SYSTEM_ADMIN)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/offices/{id}", zhejiang.id()).with(TestUsers.official("330100", Role.SYSTEM_ADMIN)))
                .andExpect(status().isForbidden());
    }

    OfficeView ensure(String code) {
        RegionCode region = RegionCode.of(code);
        return offices.findByRegion(region).orElseGet(
                () -> offices.create(new CreateOffice(region, "Office " + code, null), Jurisdiction.national()));
    }
}
