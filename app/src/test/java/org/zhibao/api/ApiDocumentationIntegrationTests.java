package org.zhibao.api;

import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.zhibao.IntegrationTest;

@IntegrationTest
class ApiDocumentationIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void describesTheJsonApiToAnyoneWithTheBearerScheme() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.info.title").value("zhibao API"))
                .andExpect(jsonPath("$.paths", hasKey("/api/v1/regions/{code}")))
                .andExpect(jsonPath("$.paths", hasKey("/api/v1/calendar/deadline")))
                .andExpect(jsonPath("$.components.securitySchemes.bearer-token.type").value("http"))
                .andExpect(jsonPath("$.components.securitySchemes.bearer-token.scheme").value("bearer"))
                .andExpect(jsonPath("$.security[0]", hasKey("bearer-token")));
    }

    @Test
    void leavesPagesAndTestProbesOut() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(jsonPath("$.paths", not(hasKey("/login"))))
                .andExpect(jsonPath("$.paths", not(hasKey("/admin/accounts"))))
                .andExpect(jsonPath("$.paths", not(hasKey("/test/idempotency"))));
    }
}
