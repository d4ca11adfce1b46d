package org.zhibao.shell.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Set;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhibao.BrowserSession;
import org.zhibao.DemoLogins;
import org.zhibao.IntegrationTest;
import org.zhibao.identity.Accounts;
import org.zhibao.identity.Role;
import org.zhibao.identity.SeedAccount;
import org.zhibao.office.Offices;
import org.zhibao.region.RegionCode;

/** What a person does in the shell, in real Chromium against the running application. */
@IntegrationTest
class ShellBrowserTests {

    static BrowserSession browser;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Accounts accounts;
    @Autowired
    Offices offices;

    @BeforeAll
    static void startBrowser() {
        browser = new BrowserSession();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    Page page() {
        return browser.newPage("http://localhost:" + port);
    }

    void logIn(Page page, String username) {
        BrowserSession.logIn(page, jdbc, username, true);
    }

    @Test
    void anOfficerLogsInWithPasswordAndCodeAndLandsOnTheChineseHomePage() {
        Page page = page();
        logIn(page, "zj.officer");
        assertThat(page).hasURL("http://localhost:" + port + "/");
        assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
        assertThat(page.getByTestId("welcome")).containsText("欢迎");
        assertThat(page.getByTestId("office")).hasText("浙江省知识产权局");
        assertThat(page.getByTestId("home-jurisdiction")).hasText("浙江省 (330000)");
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Page.GetByRoleOptions().setName("我的工作")).first()).isVisible();
    }

    @Test
    void theLanguageSwitchTurnsThePagesIntoEnglishAndRemembersIt() {
        Page page = page();
        logIn(page, "zj.chief");
        page.getByTestId("lang-en").click();
        assertThat(page.getByTestId("welcome")).containsText("Welcome");
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        page.navigate("/profile");
        assertThat(page.locator("h1")).hasText("My profile");
        page.navigate("/profile?lang=zh-CN");
        assertThat(page.locator("h1")).hasText("个人中心");
    }

    @Test
    void anOutOfJurisdictionAddressShowsTheForbiddenPage() {
        long jiangsuOfficer = jdbc.sql("select id from account where username = 'js.officer'").query(Long.class).single();
        Page page = page();
        logIn(page, "zj.sysadmin");
        long refusalsBefore = refusals(jiangsuOfficer);
        Response response = page.navigate("/admin/accounts/" + jiangsuOfficer);
        assertThat(response.status()).isEqualTo(403);
        assertThat(page.getByTestId("forbidden")).hasText("无权访问");
        assertThat(refusals(jiangsuOfficer)).as("the refusal is in the audit log").isEqualTo(refusalsBefore + 1);
    }

    long refusals(long accountId) {
        return jdbc.sql("""
                select count(*) from audit_entry
                where username = 'zj.sysadmin' and result = 'refused' and object = :path""")
                .param("path", "/admin/accounts/" + accountId).query(Long.class).single();
    }

    @Test
    void fiveWrongPasswordsLockTheAccount() {
        long office = offices.findByRegion(RegionCode.of("330100")).orElseThrow().id();
        accounts.seed(new SeedAccount("browser.lock", "Lock test", office, DemoLogins.PASSWORD,
                DemoLogins.TOTP_SECRET, Set.of(Role.OFFICER), null, null), new HashMap<>());
        Page page = page();
        for (int i = 0; i < 5; i++) {
            page.navigate("/login");
            page.getByLabel("用户名").fill("browser.lock");
            page.getByLabel("密码", new Page.GetByLabelOptions().setExact(true)).fill("Wrong#password" + i);
            page.getByLabel("动态验证码（6位）").fill("123456");
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("登录")).click();
            assertThat(page.getByTestId("login-error")).isVisible();
        }
        logIn(page, "browser.lock");
        assertThat(page.getByTestId("login-error")).containsText("已锁定");
        assertThat(page.getByTestId("login-error")).containsText("15");
    }
}
