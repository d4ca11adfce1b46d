package org.zhibao.region.web;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;
import org.zhibao.IntegrationTest;

@IntegrationTest
class RegionApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void answersARegionWithoutLoggingIn() throws Exception {
        mvc.perform(get("/api/v1/regions/330106"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(content().json("""
                        {"code":"330106","name":"西湖区","level":"COUNTY","parentCode":"330100"}""",
                        JsonCompareMode.STRICT));
    }

    @Test
    void answersTheCountryWithoutAParent() throws Exception {
        mvc.perform(get("/api/v1/regions/000000"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.level").value("NATIONAL"))
                .andExpect(jsonPath("$.parentCode").doesNotExist());
    }

    @Test
    void listsTheChildrenOfARegion() throws Exception {
        mvc.perform(get("/api/v1/regions/000000/children"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(31)))
                .andExpect(jsonPath("$[0].code").value("110000"));
        mvc.perform(get("/api/v1/regions/330100/children"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code == '330106')].name").value("西湖区"));
    }

    @Test
    void answersNotFoundWithAProblemForAnUnknownCode() throws Exception {
        mvc.perform(get("/api/v1/regions/339999"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.detail").value("没有代码为 339999 的行政区划。"));
        mvc.perform(get("/api/v1/regions/339999/children")).andExpect(status().isNotFound());
    }

    @Test
    void answersBadRequestInChineseByDefaultForAMalformedCode() throws Exception {
        mvc.perform(get("/api/v1/regions/33010x"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.detail").value("地区代码应为 6 位数字。"));
    }

    @Test
    void answersBadRequestInTheLanguageAskedForWithLang() throws Exception {
        mvc.perform(get("/api/v1/regions/3301").param("lang", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("A region code has six digits."));
    }

    @Test
    void answersBadRequestInTheLanguageOfAcceptLanguage() throws Exception {
        mvc.perform(get("/api/v1/regions/3301").header("Accept-Language", "en-US,en;q=0.9"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("A region code has six digits."));
    }
}
