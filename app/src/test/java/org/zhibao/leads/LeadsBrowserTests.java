package org.zhibao.leads;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhibao.BrowserSession;
import org.zhibao.DemoLogins;
import org.zhibao.IntegrationTest;
import org.zhibao.identity.Accounts;
import org.zhibao.identity.Role;
import org.zhibao.office.Offices;
import org.zhibao.region.RegionCode;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * The precise management list in Chromium: a national officer imports a batch, watches its progress bar (held
 * in the queue, cancelled, resumed, then run to the end while the page listens), reviews the leads with their
 * evidence and exports them; the district office the copy's applicant belongs to confirms its lead; the
 * provincial office hands another down; a member of the public reports a filing.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeadsBrowserTests {

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
    ScreeningRunner runner;

    @TempDir
    static Path dir;
    static Path patents;

    @BeforeAll
    void setUp() {
        browser = new BrowserSession();
        patents = LeadFixtures.patents(dir, 800, 5);
        LeadFixtures.official(accounts, "browser.national", "国家局 筛查员", offices.findByRegion(RegionCode.NATIONAL).orElseThrow(),
                Role.OFFICER);
        LeadFixtures.official(accounts, "browser.xihu", "西湖 核查员", offices.findByRegion(RegionCode.of("330106")).orElseThrow(),
                Role.OFFICER);
        LeadFixtures.publicUser(accounts, "browser.reporter@example.com", "举报人乙");
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

    @Test
    void anOfficerImportsWatchesReviewsVerifiesAndExportsLeads() throws Exception {
        Page officer = page();
        logIn(officer, "browser.national", true);
        officer.getByTestId("nav-leads").click();
        officer.getByTestId("to-batches").click();

        // the runner is busy: the new batch waits in the queue, is cancelled, resumed, then runs
        CountDownLatch busy = new CountDownLatch(1);
        runner.execute(() -> {
            try {
                busy.await(2, TimeUnit.MINUTES);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        officer.selectOption("#kind", "PATENTS");
        officer.setInputFiles("#file", patents);
        officer.getByTestId("upload").click();
        assertThat(officer.getByTestId("notice")).containsText("正在后台筛查");
        assertThat(officer.getByTestId("batch-status")).hasText("排队中");
        officer.getByTestId("cancel").click();
        assertThat(officer.getByTestId("batch-status")).hasText("已取消");
        officer.getByTestId("resume").click();
        assertThat(officer.getByTestId("notice")).containsText("接着进行");
        assertThat(officer.getByTestId("batch-status")).hasText("排队中");
        busy.countDown();
        // the page follows the run by server-sent events and shows the end without a click
        assertThat(officer.getByTestId("batch-status")).hasText("已完成",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(120_000));
        assertThat(officer.getByTestId("progress")).hasAttribute("aria-valuenow", "100");
        assertThat(officer.getByTestId("bad-lines")).containsText("803");
        assertThat(officer.getByTestId("by-rule")).containsText("明显相同的多件申请");

        // the leads of the batch, filtered to split filings: the link graph is drawn
        officer.getByTestId("batch-leads-link").click();
        officer.selectOption("#rule", "P6_SPLIT");
        officer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("筛选")).click();
        officer.getByTestId("lead-row").first().getByRole(AriaRole.LINK).click();
        assertThat(officer.getByTestId("lead-rule")).hasText("分散提交");
        assertThat(officer.getByTestId("split-graph")).hasAttribute("data-rendered", "true");
        assertThat(officer.locator("#split-graph canvas")).hasCount(1);
        // and what ties them, as written in the filings
        assertThat(officer.getByTestId("entities").locator("tbody tr").first()).isVisible();
        assertThat(officer.getByTestId("links")).containsText("联系");

        // text generated at random: its worst passages marked, and where it stands among the batch drawn
        officer.navigate("/leads?rule=P4_GENERATED");
        officer.getByTestId("lead-row").first().getByRole(AriaRole.LINK).click();
        assertThat(officer.getByTestId("lead-rule")).hasText("计算机程序随机生成");
        assertThat(officer.getByTestId("generated").locator("mark").first()).isVisible();
        assertThat(officer.getByTestId("z-chart")).hasAttribute("data-rendered", "true");
        assertThat(officer.locator("#z-chart canvas")).hasCount(1);

        // the planted copies: both texts side by side, the shared passages marked
        officer.navigate("/leads?applicant=" + java.net.URLEncoder.encode("西湖智算", java.nio.charset.StandardCharsets.UTF_8));
        officer.getByTestId("lead-row").first().getByRole(AriaRole.LINK).click();
        assertThat(officer.getByTestId("lead-rule")).hasText("明显相同的多件申请");
        assertThat(officer.getByTestId("lead-office")).hasText("杭州市西湖区市场监督管理局（知识产权局）");
        assertThat(officer.getByTestId("left").locator("mark.shared").first()).isVisible();
        assertThat(officer.getByTestId("right").locator("mark.shared").first()).isVisible();
        String leadUrl = officer.url();

        // Excel, with the list's filters
        officer.navigate("/leads");
        Download download = officer.waitForDownload(() -> officer.getByTestId("export").click());
        assertThat(download.suggestedFilename()).endsWith(".xlsx");

        // the district office verifies the lead assigned to it
        Page xihu = page();
        logIn(xihu, "browser.xihu", true);
        xihu.navigate(leadUrl.substring(leadUrl.indexOf("/leads/")));
        xihu.fill("#confirm-reasons", "两件申请与在先申请权利要求实质相同，仅替换个别用语。");
        xihu.getByTestId("confirm").click();
        assertThat(xihu.getByTestId("notice")).containsText("已认定");
        assertThat(xihu.getByTestId("lead-status")).hasText("已认定");
        assertThat(xihu.getByTestId("history")).containsText("认定");
    }

    @Test
    void theProvincialOfficeHandsALeadDownAndTheReportersReportBecomesALead() {
        Page reporter = page();
        logIn(reporter, "browser.reporter@example.com", false);
        reporter.getByTestId("nav-reports").click();
        reporter.getByTestId("new-report").click();
        reporter.selectOption("#filingKind", "TRADEMARK");
        reporter.fill("#applicationNo", "TM2026009999");
        reporter.selectOption("#rule", "T_SQUAT");
        reporter.fill("#applicantName", "杭州仿名商贸有限公司");
        reporter.fill("#applicantAddress", "浙江省杭州市拱墅区莫干山路1号");
        reporter.fill("#description", "短");
        reporter.getByTestId("report-submit").click();
        assertThat(reporter.locator("#description-error")).isVisible();
        reporter.fill("#description", "该商标与某知名饮料品牌读音相同，仅替换一字，指定商品相同。");
        reporter.getByTestId("report-submit").click();
        assertThat(reporter.getByTestId("report-list")).containsText("TM2026009999");
        assertThat(reporter.getByTestId("report-list")).containsText("核查中");

        // Gongshu district has no office of its own: the lead is Hangzhou's; the provincial office above it hands it
        // down to the Xihu district office with a deadline
        Page province = page();
        logIn(province, "zj.officer", true);
        province.navigate("/leads?source=REPORT");
        province.getByTestId("lead-row").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("杭州仿名"))
                .getByRole(AriaRole.LINK).click();
        assertThat(province.getByTestId("lead-office")).hasText("杭州市市场监督管理局（知识产权局）");
        assertThat(province.getByTestId("report")).containsText("仅替换一字");
        province.selectOption("#officeId", new com.microsoft.playwright.options.SelectOption().setLabel("杭州市西湖区市场监督管理局（知识产权局）"));
        province.fill("#due", java.time.LocalDate.now().plusDays(20).toString());
        province.fill("#note", "请核实申请人经营情况");
        province.getByTestId("hand-down").click();
        assertThat(province.getByTestId("notice")).containsText("已交办");
        assertThat(province.getByTestId("lead-office")).hasText("杭州市西湖区市场监督管理局（知识产权局）");
        assertThat(province.getByTestId("hand-down-info")).containsText("浙江省知识产权局");
        assertThat(province.getByTestId("hand-down-info")).containsText("请核实申请人经营情况");
    }
}
