package org.zhibao.adjudication.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Set;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.zhibao.DemoLogins;
import org.zhibao.IntegrationTest;
import org.zhibao.TestUsers;
import org.zhibao.identity.Accounts;
import org.zhibao.identity.PartyType;
import org.zhibao.identity.Role;
import org.zhibao.identity.SeedAccount;
import org.zhibao.identity.ZhibaoUser;
import org.zhibao.office.OfficeView;
import org.zhibao.office.Offices;
import org.zhibao.party.CreditCode;
import org.zhibao.patent.PatentApplicationNumber;
import org.zhibao.region.RegionCode;

import com.jayway.jsonpath.JsonPath;

/** Other systems file requests through the API, once per Idempotency-Key, and read a case's status. */
@IntegrationTest
@TestPropertySource(properties = "zhibao.test.context=adjudication-api")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdjudicationApiIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    Offices offices;
    @Autowired
    JdbcClient jdbc;

    ZhibaoUser agent;
    String agentToken;
    @Autowired
    org.zhibao.identity.ApiTokens tokens;
    ZhibaoUser hangzhouOfficer;
    ZhibaoUser nanjingOfficer;
    OfficeView hangzhou;

    @BeforeAll
    void accounts() {
        hangzhou = offices.findByRegion(RegionCode.of("330100")).orElseThrow();
        OfficeView nanjing = offices.findByRegion(RegionCode.of("320100")).orElseThrow();
        HashMap<String, String> hashes = new HashMap<>();
        long agentId = accounts.seed(new SeedAccount("api.agent@example.com", "某专利代理所", null, DemoLogins.PASSWORD,
                null, Set.of(Role.PUBLIC_USER), "api.agent@example.com", PartyType.AGENCY), hashes);
        agentToken = tokens.issue(agentId, "agency system", 30).token();
        agent = new ZhibaoUser(agentId, "api.agent@example.com", "某专利代理所", null, null, null, Set.of(Role.PUBLIC_USER));
        long hz = accounts.seed(new SeedAccount("api.hz.officer", "杭州 测试", hangzhou.id(), DemoLogins.PASSWORD,
                DemoLogins.TOTP_SECRET, Set.of(Role.OFFICER), null, null), hashes);
        hangzhouOfficer = new ZhibaoUser(hz, "api.hz.officer", "杭州 测试", hangzhou.id(), hangzhou.name(),
                hangzhou.jurisdiction(), Set.of(Role.OFFICER));
        long nj = accounts.seed(new SeedAccount("api.nj.officer", "南京 测试", nanjing.id(), DemoLogins.PASSWORD,
                DemoLogins.TOTP_SECRET, Set.of(Role.OFFICER), null, null), hashes);
        nanjingOfficer = new ZhibaoUser(nj, "api.nj.officer", "南京 测试", nanjing.id(), nanjing.name(),
                nanjing.jurisdiction(), Set.of(Role.OFFICER));
    }

    String body(String digits, String facts) {
        String first17 = "91330106MA2B3C4D5";
        return """
                {"kind":"ORDINARY","officeId":%d,"patentNumber":"ZL%s.%s","patentTitle":"一种支架","claims":"1",
                 "facts":"%s","requestedOrders":"停止销售","infringementRegion":"330106",
                 "requester":{"name":"某科技公司","address":"杭州市西湖区文三路1号","creditCode":""},
                 "respondents":[{"name":"某某贸易有限公司","address":"杭州市西湖区学院路2号","creditCode":"%s"}]}"""
                .formatted(hangzhou.id(), digits, PatentApplicationNumber.checkDigitOf(digits), facts,
                        first17 + CreditCode.checkCharacterOf(first17));
    }

    long casesFiledByAgent() {
        return jdbc.sql("select count(*) from adjudication_case where filed_by = :a").param("a", agent.accountId())
                .query(Long.class).single();
    }

    @Test
    void aRetriedSubmissionCreatesOneCaseAndTheSameKeyWithAnotherBodyIsRefused() throws Exception {
        long before = casesFiledByAgent();
        MvcResult first = mvc.perform(post("/api/v1/adjudication/requests").header("Authorization", "Bearer " + agentToken)
                .header("Idempotency-Key", "filing-0001").contentType(MediaType.APPLICATION_JSON)
                .content(body("202320123456", "事实一")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.periods[0].period").value("ACCEPTANCE_REVIEW"))
                .andReturn();
        mvc.perform(post("/api/v1/adjudication/requests").header("Authorization", "Bearer " + agentToken)
                .header("Idempotency-Key", "filing-0001").contentType(MediaType.APPLICATION_JSON)
                .content(body("202320123456", "事实一")))
                .andExpect(status().isCreated()).andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(jsonPath("$.id").value((Integer) JsonPath.read(first.getResponse().getContentAsString(), "$.id")));
        assertThat(casesFiledByAgent()).isEqualTo(before + 1);
        mvc.perform(post("/api/v1/adjudication/requests").header("Authorization", "Bearer " + agentToken)
                .header("Idempotency-Key", "filing-0001").contentType(MediaType.APPLICATION_JSON)
                .content(body("202320123456", "事实二")))
                .andExpect(status().isUnprocessableContent());
        assertThat(casesFiledByAgent()).isEqualTo(before + 1);
    }

    @Test
    void validationErrorsComeFieldByFieldInTheCallersLanguage() throws Exception {
        String bad = body("202320123456", "").replace("\"claims\":\"1\"", "\"claims\":\"all\"");
        mvc.perform(post("/api/v1/adjudication/requests").header("Authorization", "Bearer " + agentToken)
                .header("Idempotency-Key", "filing-bad-1").header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON).content(bad))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.claims").value("Give claim numbers, e.g. 1, 3-5."))
                .andExpect(jsonPath("$.errors.facts").value("Required."));
        mvc.perform(post("/api/v1/adjudication/requests").header("Authorization", "Bearer " + agentToken)
                .header("Idempotency-Key", "filing-bad-2").header("Accept-Language", "zh-CN")
                .contentType(MediaType.APPLICATION_JSON).content(bad))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.facts").value("必填。"));
    }

    @Test
    void theCaseStatusIsReadByItsPartyAndItsOfficeButNotByAnotherProvince() throws Exception {
        MvcResult filed = mvc.perform(post("/api/v1/adjudication/requests").header("Authorization", "Bearer " + agentToken)
                .header("Idempotency-Key", "filing-status-1").contentType(MediaType.APPLICATION_JSON)
                .content(body("202320999999", "事实")))
                .andExpect(status().isCreated()).andReturn();
        int id = JsonPath.read(filed.getResponse().getContentAsString(), "$.id");
        mvc.perform(get("/api/v1/adjudication/cases/" + id).header("Authorization", "Bearer " + agentToken))
                .andExpect(status().isOk()).andExpect(jsonPath("$.periods[0].basis").isNotEmpty());
        mvc.perform(get("/api/v1/adjudication/cases/" + id).with(authentication(TestUsers.authentication(hangzhouOfficer))))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/adjudication/cases/" + id).with(authentication(TestUsers.authentication(nanjingOfficer))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/cases/" + id).with(authentication(TestUsers.authentication(nanjingOfficer))))
                .andExpect(status().isNotFound());
    }

    @Test
    void theCaseListExportsToExcel() throws Exception {
        mvc.perform(post("/api/v1/adjudication/requests").header("Authorization", "Bearer " + agentToken)
                .header("Idempotency-Key", "filing-export-1").contentType(MediaType.APPLICATION_JSON)
                .content(body("202320888888", "事实"))).andExpect(status().isCreated());
        MvcResult export = mvc.perform(get("/cases/export.xlsx").param("party", "某某贸易")
                .with(authentication(TestUsers.authentication(hangzhouOfficer))))
                .andExpect(status().isOk()).andReturn();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(export))
                .andExpect(status().isOk());
        byte[] xlsx = export.getResponse().getContentAsByteArray();
        StringBuilder text = new StringBuilder();
        java.nio.file.Path file = java.nio.file.Files.createTempFile("cases", ".xlsx");
        java.nio.file.Files.write(file, xlsx);
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                text.append(new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        java.nio.file.Files.delete(file);
        // the workbook's XML writes CJK characters as numeric references
        String cells = java.util.regex.Pattern.compile("&#x([0-9a-fA-F]+);").matcher(text)
                .replaceAll(m -> new String(Character.toChars(Integer.parseInt(m.group(1), 16))));
        assertThat(cells).contains("某某贸易有限公司", "案由");
    }
}
