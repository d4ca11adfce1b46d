package org.zhibao;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Logs demo accounts in through the real login form, with password and a fresh TOTP code. */
public final class DemoLogins {

    public static final String PASSWORD = "Demo#2026zhibao";
    public static final String TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    private DemoLogins() {
    }

    /** The code an authenticator app shows now for {@code secret}. */
    public static String currentCode(String secret) {
        try {
            return new DefaultCodeGenerator().generate(secret, Math.floorDiv(System.currentTimeMillis() / 1000, 30));
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static MvcResult postLogin(MockMvc mvc, String username, String password, String code) throws Exception {
        var request = post("/login").param("username", username).param("password", password).with(csrf());
        if (code != null) {
            request.param("code", code);
        }
        return mvc.perform(request).andReturn();
    }

    /**
     * Logs in and returns the session cookie. A TOTP code is refused when its step was already used, so
     * the account's last used step is forgotten first: tests log the same demo official in many times.
     */
    public static Cookie login(MockMvc mvc, JdbcClient jdbc, String username) throws Exception {
        jdbc.sql("update account set totp_last_step = null where username = :u").param("u", username).update();
        boolean official = !username.contains("@") && !username.startsWith("platform");
        MvcResult result = postLogin(mvc, username, PASSWORD, official ? currentCode(TOTP_SECRET) : null);
        String location = result.getResponse().getRedirectedUrl();
        if (location == null || location.contains("error")) {
            throw new IllegalStateException("Login of " + username + " failed: " + location);
        }
        Cookie session = result.getResponse().getCookie("SESSION");
        if (session == null) {
            throw new IllegalStateException("No session cookie for " + username);
        }
        return session;
    }
}
