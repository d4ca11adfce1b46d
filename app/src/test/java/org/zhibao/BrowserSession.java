package org.zhibao;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Debian's Chromium driven by Playwright (no browser download: PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD). One
 * browser per test class; each test gets a fresh context (no shared cookies).
 */
public final class BrowserSession implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("ZHIBAO_CHROMIUM", "/usr/bin/chromium"));

    private final Playwright playwright;
    private final Browser browser;

    public BrowserSession() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    public Page newPage(String baseUrl) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setBaseURL(baseUrl));
        return context.newPage();
    }

    /**
     * Logs a demo-style account in through the login form (password {@link DemoLogins#PASSWORD}, and the current
     * TOTP code when {@code secondFactor}); the account's last used code step is forgotten first, since tests log
     * the same account in many times.
     */
    public static void logIn(Page page, org.springframework.jdbc.core.simple.JdbcClient jdbc, String username,
            boolean secondFactor) {
        jdbc.sql("update account set totp_last_step = null where username = :u").param("u", username).update();
        page.navigate("/login");
        page.getByLabel("用户名").fill(username);
        page.getByLabel("密码", new Page.GetByLabelOptions().setExact(true)).fill(DemoLogins.PASSWORD);
        if (secondFactor) {
            page.getByLabel("动态验证码（6位）").fill(DemoLogins.currentCode(DemoLogins.TOTP_SECRET));
        }
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("登录")).click();
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
