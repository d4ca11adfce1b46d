package org.zhibao.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.zhibao.DemoLogins;
import org.zhibao.IntegrationTest;
import org.zhibao.office.Offices;
import org.zhibao.region.RegionCode;

@IntegrationTest
class LoginIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Accounts accounts;
    @Autowired
    Offices offices;
    @Autowired
    ApiTokens tokens;

    long seedOfficial(String username, String totpSecret) {
        long office = offices.findByRegion(RegionCode.of("330000")).orElseThrow().id();
        return accounts.seed(new SeedAccount(username, "Test " + username, office, DemoLogins.PASSWORD, totpSecret,
                Set.of(Role.OFFICER), null, null), new java.util.HashMap<>());
    }

    /** The kind of failure the login form is sent back with (it shows the matching message). */
    String loginError(MvcResult result) {
        String location = result.getResponse().getRedirectedUrl();
        return location != null && location.startsWith("/login?error=") ? location.substring("/login?error=".length())
                : location;
    }

    @Test
    void anOfficialLogsInWithPasswordAndCurrentCode() throws Exception {
        Cookie session = DemoLogins.login(mvc, jdbc, "zj.officer");
        mvc.perform(get("/api/v1/me").cookie(session))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("zj.officer"))
                .andExpect(jsonPath("$.jurisdiction").value("330000"));
    }

    /** Refused with the same answer as a wrong password: the form never confirms a guessed password. */
    @Test
    void anOfficialWithTheRightPasswordButNoCodeIsRefused() throws Exception {
        MvcResult result = DemoLogins.postLogin(mvc, "zj.chief", DemoLogins.PASSWORD, null);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/login?error=bad");
        assertThat(loginError(result)).isEqualTo("bad");
    }

    @Test
    void aWrongPasswordIsRefusedWithoutSayingWhetherTheUserExists() throws Exception {
        seedOfficial("known.user", DemoLogins.TOTP_SECRET);
        MvcResult known = DemoLogins.postLogin(mvc, "known.user", "Wrong#password1", "000000");
        MvcResult unknown = DemoLogins.postLogin(mvc, "nobody.here", "Wrong#password1", "000000");
        assertThat(loginError(known)).isEqualTo("bad");
        assertThat(loginError(unknown)).isEqualTo("bad");
    }

    @Test
    void fiveFailuresLockTheAccountForFifteenMinutesEvenAgainstTheRightPassword() throws Exception {
        seedOfficial("lock.me", DemoLogins.TOTP_SECRET);
        for (int i = 0; i < 5; i++) {
            assertThat(loginError(DemoLogins.postLogin(mvc, "lock.me", "Wrong#password" + i, null)))
                    .isEqualTo("bad");
        }
        MvcResult right = DemoLogins.postLogin(mvc, "lock.me", DemoLogins.PASSWORD,
                DemoLogins.currentCode(DemoLogins.TOTP_SECRET));
        assertThat(loginError(right)).isEqualTo("locked");
        Instant lockedUntil = jdbc.sql("select locked_until from account where username = 'lock.me'")
                .query(java.sql.Timestamp.class).single().toInstant();
        assertThat(Duration.between(Instant.now(), lockedUntil)).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(15));
    }

    @Test
    void aSuccessfulLoginStartsTheFailureCountAgain() throws Exception {
        seedOfficial("count.me", DemoLogins.TOTP_SECRET);
        for (int i = 0; i < 4; i++) {
            DemoLogins.postLogin(mvc, "count.me", "Wrong#password" + i, null);
        }
        DemoLogins.login(mvc, jdbc, "count.me");
        assertThat(jdbc.sql("select failed_attempts from account where username = 'count.me'").query(Integer.class)
                .single()).isZero();
    }

    @Test
    void aCodeCannotBeUsedTwice() throws Exception {
        seedOfficial("replay.me", DemoLogins.TOTP_SECRET);
        String code = DemoLogins.currentCode(DemoLogins.TOTP_SECRET);
        MvcResult first = DemoLogins.postLogin(mvc, "replay.me", DemoLogins.PASSWORD, code);
        MvcResult second = DemoLogins.postLogin(mvc, "replay.me", DemoLogins.PASSWORD, code);
        assertThat(first.getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(loginError(second)).isEqualTo("bad");
    }

    @Test
    void anOfficialWithoutSecondFactorMustEnrolBeforeAnythingElse() throws Exception {
        seedOfficial("enrol.me", null);
        MvcResult result = DemoLogins.postLogin(mvc, "enrol.me", DemoLogins.PASSWORD, null);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/profile/totp");
        Cookie session = result.getResponse().getCookie("SESSION");

        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/profile/totp"));
        mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isForbidden());

        MvcResult enrol = mvc.perform(get("/profile/totp").cookie(session)).andExpect(status().isOk()).andReturn();
        String secret = ((SecondFactors.Enrolment) enrol.getModelAndView().getModel().get("enrolment")).secret();
        MvcResult confirmed = mvc.perform(post("/profile/totp").cookie(session).with(csrf())
                .param("code", DemoLogins.currentCode(secret))).andExpect(redirectedUrl("/")).andReturn();
        Cookie renewed = confirmed.getResponse().getCookie("SESSION");
        mvc.perform(get("/api/v1/me").cookie(renewed != null ? renewed : session)).andExpect(status().isOk());
        assertThat(jdbc.sql("select totp_enabled from account where username = 'enrol.me'").query(Boolean.class)
                .single()).isTrue();
    }

    @Test
    void aPublicUserLogsInWithPasswordAlone() throws Exception {
        Cookie session = DemoLogins.login(mvc, jdbc, "holder@example.com");
        mvc.perform(get("/api/v1/me").cookie(session)).andExpect(jsonPath("$.roles[0]").value("PUBLIC_USER"));
    }

    @Test
    void theSessionEndsAfterThirtyIdleMinutes() throws Exception {
        seedOfficial("idle.user", DemoLogins.TOTP_SECRET);
        Cookie session = DemoLogins.login(mvc, jdbc, "idle.user");
        assertThat(jdbc.sql("select max_inactive_interval from spring_session where principal_name = 'idle.user'")
                .query(Integer.class).list()).containsOnly(30 * 60);
        mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isOk());

        // 29 minutes of silence: still there; 31: gone
        idleFor("idle.user", 29);
        mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isOk());
        idleFor("idle.user", 31);
        mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isUnauthorized());
    }

    /** Moves the account's sessions' last use this many minutes into the past. */
    void idleFor(String username, int minutes) {
        long millis = minutes * 60_000L;
        jdbc.sql("""
                update spring_session set last_access_time = (extract(epoch from now()) * 1000)::bigint - :ms,
                    expiry_time = (extract(epoch from now()) * 1000)::bigint - :ms + max_inactive_interval * 1000
                where principal_name = :u""").param("ms", millis).param("u", username).update();
    }

    @Test
    void aBearerTokenActsAsItsAccountUntilRevoked() throws Exception {
        long id = jdbc.sql("select id from account where username = 'agent@example.com'").query(Long.class).single();
        ApiTokens.IssuedToken token = tokens.issue(id, "case software", 30);
        assertThat(jdbc.sql("select count(*) from api_token where token_hash = :t").param("t", token.token())
                .query(Long.class).single()).as("stored hashed, not in clear").isZero();

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token.token()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("agent@example.com"));
        tokens.revoke(id, token.id());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token.token()))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("unauthorized"));
    }

    @Test
    void theApiAnswersUnauthenticatedCallsWithJsonInTheCallersLanguage() throws Exception {
        mvc.perform(get("/api/v1/me").param("lang", "en"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.message").value("Log in or present a valid access token."));
        mvc.perform(get("/api/v1/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.message").value("请先登录或提供有效的访问令牌。"));
    }

    @Test
    void aFormPostedWithoutCsrfTokenIsRefused() throws Exception {
        Cookie session = DemoLogins.login(mvc, jdbc, "zj.techinv");
        mvc.perform(post("/profile/tokens").cookie(session).param("name", "x")).andExpect(status().isForbidden());
    }

    @Test
    void theThreeAdministratorsAreRefusedEachOthersWork() throws Exception {
        Cookie system = DemoLogins.login(mvc, jdbc, "zj.sysadmin");
        Cookie security = DemoLogins.login(mvc, jdbc, "zj.secadmin");
        Cookie audit = DemoLogins.login(mvc, jdbc, "zj.auditor");
        long officer = jdbc.sql("select id from account where username = 'hz.officer'").query(Long.class).single();

        mvc.perform(get("/admin/security-policy").cookie(system)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/accounts/" + officer + "/roles").cookie(system).with(csrf()).param("roles", "DIRECTOR"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/accounts/new").cookie(security)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/accounts/" + officer + "/reset").cookie(security).with(csrf())
                .param("newPassword", "Another#pass99")).andExpect(status().isForbidden());
        mvc.perform(get("/admin/accounts").cookie(audit)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/security-policy").cookie(audit)).andExpect(status().isForbidden());

        mvc.perform(get("/admin/accounts/new").cookie(system)).andExpect(status().isOk());
        mvc.perform(get("/admin/security-policy").cookie(security)).andExpect(status().isOk());
    }

    @Test
    void noAccountHoldsTwoAdministratorRoles() throws Exception {
        Cookie security = DemoLogins.login(mvc, jdbc, "zj.secadmin");
        long officer = jdbc.sql("select id from account where username = 'nb.officer'").query(Long.class).single();
        mvc.perform(post("/admin/accounts/" + officer + "/roles").cookie(security).with(csrf())
                .param("roles", "SYSTEM_ADMIN", "AUDIT_ADMIN")).andExpect(status().isOk());
        assertThat(accounts.find(officer, org.zhibao.region.Jurisdiction.national()).roles()).containsExactly(Role.OFFICER);
    }

    @Test
    void anAdministratorCannotReachAnAccountOfAnotherProvince() throws Exception {
        Cookie zhejiang = DemoLogins.login(mvc, jdbc, "zj.sysadmin");
        long jiangsu = jdbc.sql("select id from account where username = 'js.officer'").query(Long.class).single();
        mvc.perform(get("/admin/accounts/" + jiangsu).cookie(zhejiang)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/accounts/" + jiangsu + "/enabled").cookie(zhejiang).with(csrf()).param("enabled", "false"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select enabled from account where id = :id").param("id", jiangsu).query(Boolean.class)
                .single()).isTrue();
    }

    @Test
    void aMemberOfThePublicRegistersWithEmailAndAComplexPassword() throws Exception {
        mvc.perform(post("/register").with(csrf()).param("email", "weak@example.com").param("displayName", "W")
                .param("partyType", "INDIVIDUAL").param("password", "short").param("passwordConfirm", "short"))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from account where username = 'weak@example.com'").query(Long.class)
                .single()).isZero();

        mvc.perform(post("/register").with(csrf()).param("email", "New.User@example.com").param("displayName", "N")
                .param("partyType", "INDIVIDUAL").param("password", "Strong#pass2026")
                .param("passwordConfirm", "Strong#pass2026"))
                .andExpect(redirectedUrl("/login"));
        Map<String, Object> row = jdbc.sql("""
                select a.username, r.role from account a join account_role r on r.account_id = a.id
                where a.email = 'New.User@example.com'""").query().singleRow();
        assertThat(row).containsEntry("username", "new.user@example.com").containsEntry("role", "PUBLIC_USER");
    }
}
