package org.zhibao.adjudication.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhibao.BrowserSession;
import org.zhibao.DemoLogins;
import org.zhibao.IntegrationTest;
import org.zhibao.adjudication.Adjudication;
import org.zhibao.identity.Accounts;
import org.zhibao.identity.PartyType;
import org.zhibao.identity.Role;
import org.zhibao.identity.SeedAccount;
import org.zhibao.office.OfficeView;
import org.zhibao.office.Offices;
import org.zhibao.party.CreditCode;
import org.zhibao.patent.PatentApplicationNumber;
import org.zhibao.region.RegionCode;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * A case as the requester, the officer and the respondent run it in Chromium: filed online with evidence,
 * docketed, served, joined and answered by the respondent, heard, decided and published; another mediated to
 * an agreement; another suspended and resumed.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdjudicationBrowserTests {

    static BrowserSession browser;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Accounts accounts;
    @Autowired
    Offices offices;
    @Autowired
    Adjudication adjudication;

    OfficeView hangzhou;

    @BeforeAll
    void setUp() {
        browser = new BrowserSession();
        hangzhou = offices.findByRegion(RegionCode.of("330100")).orElseThrow();
        HashMap<String, String> hashes = new HashMap<>();
        accounts.seed(new SeedAccount("browser.requester@example.com", "张三", null, DemoLogins.PASSWORD, null,
                Set.of(Role.PUBLIC_USER), "browser.requester@example.com", PartyType.INDIVIDUAL), hashes);
        accounts.seed(new SeedAccount("browser.respondent@example.com", "某某科技有限公司", null, DemoLogins.PASSWORD, null,
                Set.of(Role.PUBLIC_USER), "browser.respondent@example.com", PartyType.ORGANIZATION), hashes);
        accounts.seed(new SeedAccount("browser.hz.officer", "杭州 执法员 测试", hangzhou.id(), DemoLogins.PASSWORD,
                DemoLogins.TOTP_SECRET, Set.of(Role.OFFICER), null, null), hashes);
    }

    @AfterAll
    void tearDown() {
        browser.close();
    }

    Page page() {
        return browser.newPage("http://localhost:" + port);
    }

    void logIn(Page page, String username, boolean secondFactor) {
        BrowserSession.logIn(page, jdbc, username, secondFactor);
    }

    static String creditCode() {
        String first17 = "91330106MA2B3C4D5";
        return first17 + CreditCode.checkCharacterOf(first17);
    }

    long fileARequest(Page requester, String digits) throws Exception {
        requester.navigate("/portal/requests/new");
        requester.selectOption("#officeId", String.valueOf(hangzhou.id()));
        requester.fill("#patentNumber", "ZL" + digits + "." + PatentApplicationNumber.checkDigitOf(digits));
        requester.fill("#patentTitle", "一种折叠式手机支架");
        requester.fill("#claims", "1, 3-5");
        requester.fill("#infringementRegion", "330106");
        requester.fill("#facts", "被请求人在西湖区销售的手机支架落入权利要求1的保护范围。");
        requester.fill("#requestedOrders", "责令被请求人停止销售侵权产品。");
        requester.fill("[id='requester.name']", "张三");
        requester.fill("[id='requester.address']", "杭州市西湖区文三路1号");
        requester.fill("[id='respondent0.name']", "某某科技有限公司");
        requester.fill("[id='respondent0.address']", "杭州市西湖区学院路2号");
        requester.fill("[id='respondent0.creditCode']", creditCode());
        Path evidence = Files.createTempFile("evidence", ".pdf");
        Files.writeString(evidence, "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", StandardCharsets.US_ASCII);
        requester.setInputFiles("#evidence", evidence);
        requester.getByTestId("submit-request").click();
        assertThat(requester.getByTestId("case-status")).hasText("待立案审查");
        assertThat(requester.locator("[data-period='ACCEPTANCE_REVIEW']")).isVisible();
        assertThat(requester.getByTestId("files")).containsText("evidence");
        // the browser reads the file when the form is sent
        Files.delete(evidence);
        String url = requester.url();
        return Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
    }

    String docketAndServe(Page officer, long id) {
        officer.navigate("/cases/" + id);
        officer.getByTestId("docket").click();
        assertThat(officer.getByTestId("case-status")).hasText("已立案");
        assertThat(officer.getByTestId("case-reference")).containsText("浙杭州知裁字〔");
        assertThat(officer.getByTestId("documents")).containsText("受理通知书");
        officer.getByTestId("serve").click();
        assertThat(officer.getByTestId("access-code")).isVisible();
        assertThat(officer.locator("[data-period='ANSWER']")).isVisible();
        return officer.getByTestId("access-code").locator("strong").textContent().strip();
    }

    @Test
    void aCaseGoesFromOnlineRequestToPublishedDecision() throws Exception {
        Page requester = page();
        logIn(requester, "browser.requester@example.com", false);
        long id = fileARequest(requester, "202320123456");

        Page officer = page();
        logIn(officer, "browser.hz.officer", true);
        String code = docketAndServe(officer, id);
        String caseNumber = officer.getByTestId("case-reference").textContent().strip();

        Page respondent = page();
        logIn(respondent, "browser.respondent@example.com", false);
        respondent.navigate("/portal/cases");
        respondent.fill("#caseNumber", caseNumber);
        respondent.fill("#code", code);
        respondent.getByTestId("join").click();
        assertThat(respondent.getByTestId("notice")).containsText("加入本案");
        assertThat(respondent.getByTestId("documents")).containsText("答辩通知书");
        assertThat(respondent.getByTestId("files")).containsText("evidence");
        respondent.fill("#answer", "被诉产品未落入保护范围。");
        respondent.getByTestId("submit-answer").click();
        assertThat(respondent.getByTestId("notice")).containsText("答辩已提交");

        officer.navigate("/cases/" + id);
        officer.getByTestId("forward-answer").click();
        LocalDate hearingDay = adjudication.earliestHearing(adjudication.today());
        officer.fill("#hearing-at", hearingDay + "T09:30");
        officer.fill("#hearing-place", "第一审理庭");
        officer.getByTestId("schedule-hearing").click();
        assertThat(officer.getByTestId("hearing")).containsText(hearingDay.toString());
        assertThat(officer.getByTestId("documents")).containsText("口头审理通知书");
        officer.check("#outcome-yes");
        officer.fill("#decision-text", "经审理查明，被请求人张三销售的产品落入涉案专利权利要求1的保护范围，侵权成立。");
        officer.getByTestId("decide").click();
        assertThat(officer.getByTestId("case-status")).hasText("已裁决");
        officer.getByTestId("serve-decision").click();
        officer.getByTestId("publish").click();
        assertThat(officer.getByTestId("notice")).containsText("裁决书已公开");

        requester.navigate("/portal/cases/" + id);
        assertThat(requester.getByTestId("case-status")).hasText("已裁决");
        assertThat(requester.getByTestId("documents")).containsText("行政裁决书");
        assertThat(requester.getByTestId("documents")).containsText("口头审理通知书");
        assertThat(requester.getByTestId("files")).containsText("答辩");

        Page visitor = page();
        visitor.navigate("/decisions?q=" + caseNumber);
        assertThat(visitor.getByTestId("published-decision")).containsText(caseNumber);
        assertThat(visitor.getByTestId("published-decision")).not().containsText("张三");
        assertThat(visitor.getByTestId("published-decision")).containsText("张某");
    }

    @Test
    void aCaseIsMediatedToAnAgreementAndItsJudicialConfirmationTracked() throws Exception {
        Page requester = page();
        logIn(requester, "browser.requester@example.com", false);
        long id = fileARequest(requester, "202320654321");
        Page officer = page();
        logIn(officer, "browser.hz.officer", true);
        docketAndServe(officer, id);
        officer.check("#requesterConsent");
        officer.check("#respondentConsent");
        officer.getByTestId("start-mediation").click();
        assertThat(officer.getByTestId("case-status")).hasText("调解中");
        officer.fill("#terms", "被请求人停止销售并赔偿请求人5万元。");
        officer.getByTestId("record-agreement").click();
        assertThat(officer.getByTestId("case-status")).hasText("调解结案");
        assertThat(officer.getByTestId("documents")).containsText("调解书");
        officer.selectOption("#route", "JUDICIAL_CONFIRMATION");
        officer.fill("#court", "杭州市西湖区人民法院");
        officer.getByTestId("record-route").click();
        assertThat(officer.getByTestId("events")).containsText("调解协议效力确认");
        requester.navigate("/portal/cases/" + id);
        assertThat(requester.getByTestId("case-status")).hasText("调解结案");
        assertThat(requester.getByTestId("documents")).containsText("调解书");
    }

    @Test
    void aCaseIsSuspendedWithItsClockStoppedAndResumed() throws Exception {
        Page requester = page();
        logIn(requester, "browser.requester@example.com", false);
        long id = fileARequest(requester, "202320777777");
        Page officer = page();
        logIn(officer, "browser.hz.officer", true);
        docketAndServe(officer, id);
        officer.selectOption("#suspension-ground", "INVALIDATION_ACCEPTED");
        officer.fill("#suspension-grounds", "被请求人对涉案实用新型提出无效宣告请求，已受理。");
        officer.getByTestId("suspend").click();
        assertThat(officer.getByTestId("case-status")).hasText("已中止");
        assertThat(officer.locator("[data-period='CASE_TIME_LIMIT']")).containsText("计时暂停");
        assertThat(officer.getByTestId("documents")).containsText("中止通知书");
        officer.getByTestId("resume").click();
        assertThat(officer.getByTestId("case-status")).hasText("已立案");
        assertThat(officer.locator("[data-period='CASE_TIME_LIMIT']")).containsText("进行中");
        // and in English on request
        officer.navigate("/cases/" + id + "?lang=en");
        assertThat(officer.getByTestId("case-status")).hasText("Docketed");
        assertThat(officer.locator("[data-period='CASE_TIME_LIMIT']")).containsText("Running");
        officer.navigate("/cases/" + id + "?lang=zh-CN");
        assertThat(jdbc.sql("select count(*) from case_clock_stop where case_id = :id and ended_on is not null")
                .param("id", id).query(Integer.class).single()).isEqualTo(1);
    }
}
