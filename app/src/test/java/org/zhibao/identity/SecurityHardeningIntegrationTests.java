package org.zhibao.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

/** Attacks on the login, the administrators' separation, sessions and tokens, and how they fail. */
@IntegrationTest
class SecurityHardeningIntegrationTests {

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

    long seed(String username, String region, String totpSecret, Role... roles) {
        long office = offices.findByRegion(RegionCode.of(region)).orElseThrow().id();
        return accounts.seed(new SeedAccount(username, username, office, DemoLogins.PASSWORD, totpSecret,
                Set.of(roles), null, null), new HashMap<>());
    }

    long id(String username) {
        return jdbc.sql("select id from account where username = :u").param("u", username).query(Long.class).single();
    }

    <T> List<T> inParallel(int n, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(task));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oneCodeLogsInOnceEvenWhenSentInParallel() throws Exception {
        seed("race.code", "330100", DemoLogins.TOTP_SECRET, Role.OFFICER);
        String code = DemoLogins.currentCode(DemoLogins.TOTP_SECRET);
        List<String> outcomes = inParallel(6, () -> DemoLogins.postLogin(mvc, "race.code", DemoLogins.PASSWORD, code)
                .getResponse().getRedirectedUrl());
        assertThat(outcomes.stream().filter("/"::equals).count()).isOne();
    }

    @Test
    void parallelGuessesCannotOutrunTheLock() throws Exception {
        seed("race.lock", "330100", DemoLogins.TOTP_SECRET, Role.OFFICER);
        List<String> outcomes = inParallel(12, () -> DemoLogins.postLogin(mvc, "race.lock", "Wrong#guess2026", null)
                .getResponse().getRedirectedUrl());
        assertThat(outcomes).allMatch(url -> url.startsWith("/login?error="));
        assertThat(jdbc.sql("select failed_attempts from account where username = 'race.lock'").query(Integer.class)
                .single()).as("passwords actually checked").isEqualTo(5);
    }

    @Test
    void anExpiredLockStartsTheCountAgain() throws Exception {
        seed("lock.expired", "330100", DemoLogins.TOTP_SECRET, Role.OFFICER);
        jdbc.sql("update account set failed_attempts = 5, locked_until = now() - interval '1 minute' where username = 'lock.expired'")
                .update();
        MvcResult result = DemoLogins.postLogin(mvc, "lock.expired", "Wrong#guess2026", null);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/login?error=bad");
        assertThat(jdbc.sql("select failed_attempts from account where username = 'lock.expired'").query(Integer.class)
                .single()).isEqualTo(1);
    }

    @Test
    void aSystemAdministratorCannotTakeOverTheSecurityAdministratorOfTheSameOffice() throws Exception {
        Cookie system = DemoLogins.login(mvc, jdbc, "zj.sysadmin");
        long security = id("zj.secadmin");
        String hashBefore = jdbc.sql("select password_hash from account where id = :id").param("id", security)
                .query(String.class).single();
        mvc.perform(post("/admin/accounts/" + security + "/reset").cookie(system).with(csrf())
                .param("newPassword", "Taken#Over2026")).andExpect(status().isOk());
        mvc.perform(post("/admin/accounts/" + security + "/enabled").cookie(system).with(csrf())
                .param("enabled", "false")).andExpect(status().isOk());
        assertThat(jdbc.sql("select password_hash from account where id = :id").param("id", security)
                .query(String.class).single()).isEqualTo(hashBefore);
        assertThat(jdbc.sql("select enabled from account where id = :id").param("id", security)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void aHigherOfficesSystemAdministratorMayResetALowerOfficesAdministrator() throws Exception {
        long lower = seed("hz.secadmin", "330100", DemoLogins.TOTP_SECRET, Role.SECURITY_ADMIN);
        Cookie provincial = DemoLogins.login(mvc, jdbc, "zj.sysadmin");
        mvc.perform(post("/admin/accounts/" + lower + "/reset").cookie(provincial).with(csrf())
                .param("newPassword", "Fresh#Start2026")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select totp_enabled from account where id = :id").param("id", lower)
                .query(Boolean.class).single()).isFalse();
    }

    @Test
    void disablingAnAccountEndsItsSessionsAndTokensAtOnce() throws Exception {
        long officer = seed("to.disable", "330106", DemoLogins.TOTP_SECRET, Role.OFFICER);
        Cookie session = DemoLogins.login(mvc, jdbc, "to.disable");
        String token = tokens.issue(officer, "integration", 30).token();
        mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isOk());

        Cookie admin = DemoLogins.login(mvc, jdbc, "zj.sysadmin");
        mvc.perform(post("/admin/accounts/" + officer + "/enabled").cookie(admin).with(csrf()).param("enabled", "false"))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
    }

    @Test
    void changedRolesEndTheSessionsThatCarryTheOldOnes() throws Exception {
        long officer = seed("to.promote", "330106", DemoLogins.TOTP_SECRET, Role.OFFICER);
        Cookie session = DemoLogins.login(mvc, jdbc, "to.promote");
        Cookie security = DemoLogins.login(mvc, jdbc, "zj.secadmin");
        mvc.perform(post("/admin/accounts/" + officer + "/roles").cookie(security).with(csrf()).param("roles", "MEDIATOR"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/my-work").cookie(session)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void aTokenOpensTheApiButNoPage() throws Exception {
        String token = tokens.issue(id("zj.officer"), "pages?", 30).token();
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        mvc.perform(get("/profile").header("Authorization", "Bearer " + token))
                .andExpect(status().is3xxRedirection());
        long before = jdbc.sql("select count(*) from api_token").query(Long.class).single();
        // with a valid CSRF token too: the bearer token does not log the request in on a page
        mvc.perform(post("/profile/tokens").header("Authorization", "Bearer " + token).with(csrf()).param("name", "minted"))
                .andExpect(redirectedUrl("/login"));
        assertThat(jdbc.sql("select count(*) from api_token").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void anOfficialWithoutSecondFactorCannotUseAToken() throws Exception {
        long pending = seed("no.factor", "330100", null, Role.OFFICER);
        String token = tokens.issue(pending, "sneaky", 30).token();
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
    }

    @Test
    void aTokenExpiresAfterNinetyDaysUnlessToldOtherwise() {
        long officer = id("zj.officer");
        ApiTokens.IssuedToken token = tokens.issue(officer, "default expiry", null);
        Instant expires = jdbc.sql("select expires_at from api_token where id = :id").param("id", token.id())
                .query(java.sql.Timestamp.class).single().toInstant();
        assertThat(Duration.between(Instant.now(), expires)).isBetween(Duration.ofDays(89), Duration.ofDays(90));
    }

    @Test
    void replacingASecondFactorInUseTakesACurrentCodeOfTheOldOne() throws Exception {
        seed("re.bind", "330100", DemoLogins.TOTP_SECRET, Role.OFFICER);
        String sealedBefore = jdbc.sql("select totp_secret from account where username = 're.bind'").query(String.class).single();
        Cookie session = DemoLogins.login(mvc, jdbc, "re.bind");
        MvcResult enrol = mvc.perform(get("/profile/totp").cookie(session)).andExpect(status().isOk()).andReturn();
        String secret = ((SecondFactors.Enrolment) enrol.getModelAndView().getModel().get("enrolment")).secret();
        mvc.perform(post("/profile/totp").cookie(session).with(csrf()).param("code", DemoLogins.currentCode(secret)))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("select totp_secret from account where username = 're.bind'").query(String.class).single())
                .isEqualTo(sealedBefore);
    }

    @Test
    void theSecondFactorsSecretIsStoredEncrypted() {
        seed("sealed.secret", "330100", DemoLogins.TOTP_SECRET, Role.OFFICER);
        String stored = jdbc.sql("select totp_secret from account where username = 'sealed.secret'").query(String.class).single();
        assertThat(stored).startsWith("v1:").doesNotContain(DemoLogins.TOTP_SECRET);
    }

    @Test
    void anAccountOpenedByTheSystemAdministratorChoosesItsOwnPasswordThenItsSecondFactor() throws Exception {
        Cookie admin = DemoLogins.login(mvc, jdbc, "zj.sysadmin");
        long office = offices.findByRegion(RegionCode.of("330106")).orElseThrow().id();
        mvc.perform(post("/admin/accounts").cookie(admin).with(csrf()).param("username", "new.officer")
                .param("displayName", "New Officer").param("officeId", Long.toString(office))
                .param("initialPassword", "Initial#Pass2026")).andExpect(status().is3xxRedirection());

        MvcResult login = DemoLogins.postLogin(mvc, "new.officer", "Initial#Pass2026", null);
        assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("/profile/password-change");
        assertThat(jdbc.sql("select count(*) from audit_entry where username = 'new.officer' and action = 'login'"
                + " and result = 'password-only:password-change-pending'").query(Long.class).single()).isOne();
        Cookie session = login.getResponse().getCookie("SESSION");
        mvc.perform(get("/profile/password-change").cookie(session)).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("id=\"newPasswordConfirm\"")));
        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/profile/password-change"));
        mvc.perform(get("/profile/totp").cookie(session)).andExpect(redirectedUrl("/profile/password-change"));
        mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isForbidden());

        MvcResult changed = mvc.perform(post("/profile/password-change").cookie(session).with(csrf())
                .param("newPassword", "Mine#Only2026x").param("newPasswordConfirm", "Mine#Only2026x"))
                .andExpect(redirectedUrl("/profile/totp")).andReturn();
        Cookie next = changed.getResponse().getCookie("SESSION") != null ? changed.getResponse().getCookie("SESSION") : session;
        mvc.perform(get("/").cookie(next)).andExpect(redirectedUrl("/profile/totp"));
        assertThat(jdbc.sql("select password_must_change from account where username = 'new.officer'")
                .query(Boolean.class).single()).isFalse();
        assertThat(DemoLogins.postLogin(mvc, "new.officer", "Initial#Pass2026", null).getResponse().getRedirectedUrl())
                .isEqualTo("/login?error=bad");
    }

    @Test
    void aResetPasswordMustBeReplacedAtTheNextLogin() throws Exception {
        long officer = seed("to.reset", "330106", DemoLogins.TOTP_SECRET, Role.OFFICER);
        Cookie admin = DemoLogins.login(mvc, jdbc, "zj.sysadmin");
        mvc.perform(post("/admin/accounts/" + officer + "/reset").cookie(admin).with(csrf())
                .param("newPassword", "Handed#Over2026")).andExpect(status().is3xxRedirection());
        assertThat(DemoLogins.postLogin(mvc, "to.reset", "Handed#Over2026", null).getResponse().getRedirectedUrl())
                .isEqualTo("/profile/password-change");
    }

    @Test
    void anAccountWithoutThatDutyCannotSkipTheCurrentPasswordThroughTheRequiredChange() throws Exception {
        Cookie session = DemoLogins.login(mvc, jdbc, "zj.director");
        String before = jdbc.sql("select password_hash from account where username = 'zj.director'").query(String.class).single();
        mvc.perform(post("/profile/password-change").cookie(session).with(csrf())
                .param("newPassword", "Stolen#Session2026").param("newPasswordConfirm", "Stolen#Session2026"))
                .andExpect(redirectedUrl("/profile"));
        assertThat(jdbc.sql("select password_hash from account where username = 'zj.director'").query(String.class)
                .single()).isEqualTo(before);
    }

    @Test
    void guessingTheCurrentCodeOnTheProfileLocksTheAccountAndEndsTheSession() throws Exception {
        seed("guess.code", "330100", DemoLogins.TOTP_SECRET, Role.OFFICER);
        Cookie session = DemoLogins.login(mvc, jdbc, "guess.code");
        mvc.perform(get("/profile/totp").cookie(session)).andExpect(status().isOk());
        String wrong = DemoLogins.currentCode(DemoLogins.TOTP_SECRET).equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/profile/totp").cookie(session).with(csrf()).param("currentCode", wrong).param("code", "123456"));
        }
        assertThat(jdbc.sql("select locked_until > now() from account where username = 'guess.code'").query(Boolean.class)
                .single()).isTrue();
        mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isUnauthorized());
    }

    @Test
    void changingOnesPasswordEndsOnesOtherSessionsButNotThisOne() throws Exception {
        seed("two.sessions", "330100", DemoLogins.TOTP_SECRET, Role.OFFICER);
        Cookie other = DemoLogins.login(mvc, jdbc, "two.sessions");
        Cookie current = DemoLogins.login(mvc, jdbc, "two.sessions");
        mvc.perform(post("/profile/password").cookie(current).with(csrf()).param("currentPassword", DemoLogins.PASSWORD)
                .param("newPassword", "Fresh#Secret2026").param("newPasswordConfirm", "Fresh#Secret2026"))
                .andExpect(redirectedUrl("/profile"));
        mvc.perform(get("/api/v1/me").cookie(current)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/me").cookie(other)).andExpect(status().isUnauthorized());
    }

    @Test
    void anAdministratorRoleWaitsUntilTheHolderHasTheirOwnPasswordAndSecondFactor() throws Exception {
        Cookie system = DemoLogins.login(mvc, jdbc, "zj.sysadmin");
        long office = offices.findByRegion(RegionCode.of("330000")).orElseThrow().id();
        mvc.perform(post("/admin/accounts").cookie(system).with(csrf()).param("username", "future.auditor")
                .param("displayName", "Future Auditor").param("officeId", Long.toString(office))
                .param("initialPassword", "Initial#Pass2026")).andExpect(status().is3xxRedirection());
        Cookie security = DemoLogins.login(mvc, jdbc, "zj.secadmin");
        mvc.perform(post("/admin/accounts/" + id("future.auditor") + "/roles").cookie(security).with(csrf())
                .param("roles", "AUDIT_ADMIN")).andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from account_role r join account a on a.id = r.account_id"
                + " where a.username = 'future.auditor'").query(Long.class).single()).isZero();
    }

    @Test
    void aDisabledAccountIsNamedSoOnlyToWhoeverKnowsItsPassword() throws Exception {
        seed("gone.away", "330100", DemoLogins.TOTP_SECRET, Role.OFFICER);
        jdbc.sql("update account set enabled = false where username = 'gone.away'").update();
        assertThat(DemoLogins.postLogin(mvc, "gone.away", "Wrong#guess2026", null).getResponse().getRedirectedUrl())
                .isEqualTo("/login?error=bad");
        assertThat(DemoLogins.postLogin(mvc, "gone.away", DemoLogins.PASSWORD, null).getResponse().getRedirectedUrl())
                .isEqualTo("/login?error=disabled");
    }

    @Test
    void theNationalOfficeMayChangeWhatHoldsForEveryOffice() throws Exception {
        var national = org.zhibao.TestUsers.official("000000", Role.SECURITY_ADMIN);
        mvc.perform(post("/admin/security-policy").with(national).with(csrf()).param("maxFailedAttempts", "1")
                .param("lockMinutes", "1").param("idleTimeoutMinutes", "1").param("passwordMinLength", "1"))
                .andExpect(status().isOk()); // allowed, and the out-of-range values are refused on the form
        mvc.perform(post("/admin/calendar/overrides").with(org.zhibao.TestUsers.official("000000", Role.SYSTEM_ADMIN))
                .with(csrf()).param("day", "not-a-date")).andExpect(status().isOk());
        mvc.perform(post("/admin/accounts/platforms").with(org.zhibao.TestUsers.official("000000", Role.SYSTEM_ADMIN))
                .with(csrf()).param("username", "x").param("displayName", "x").param("initialPassword", "x"))
                .andExpect(status().isOk());
    }

    @Test
    void onlyTheNationalSecurityAdministratorChangesThePolicy() throws Exception {
        Cookie provincial = DemoLogins.login(mvc, jdbc, "zj.secadmin");
        mvc.perform(get("/admin/security-policy").cookie(provincial)).andExpect(status().isOk());
        mvc.perform(post("/admin/security-policy").cookie(provincial).with(csrf()).param("maxFailedAttempts", "3")
                .param("lockMinutes", "5").param("idleTimeoutMinutes", "5").param("passwordMinLength", "8"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select max_failed_attempts from security_policy").query(Integer.class).single()).isEqualTo(5);
    }
}
