package org.zhibao.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhibao.DemoLogins;
import org.zhibao.IntegrationTest;
import org.zhibao.TestUsers;
import org.zhibao.identity.AccessRefused;
import org.zhibao.identity.Accounts;
import org.zhibao.identity.SeedAccount;
import org.zhibao.identity.Role;
import org.zhibao.identity.ZhibaoUser;
import org.zhibao.office.Offices;
import org.zhibao.region.Jurisdiction;
import org.zhibao.region.RegionCode;

@IntegrationTest
class AuditLogIntegrationTests {

    @Autowired
    AuditLog auditLog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate appJdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Offices offices;

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    static AuditRecord record(String action, String region, Long officeId) {
        return new AuditRecord("li", officeId, region, action, "/thing", "ok", "10.1.2.3", Map.of("k", "v"));
    }

    /** How many entries hold {@code text} anywhere, in any column. */
    long entriesContaining(String text) {
        return jdbc.sql("select count(*) from audit_entry e where strpos(e::text, :text) > 0")
                .param("text", text).query(Long.class).single();
    }

    static String sha256Hex(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Autowired
    org.zhibao.database.SecretBox signatures;

    /** The pseudonym of a typed name: keyed, so a dictionary of plain hashes does not find it. */
    String pseudonym(String typed) throws Exception {
        String keyed = signatures.sign("audit-pseudonym", typed.getBytes(StandardCharsets.UTF_8)).substring(0, 12);
        assertThat(keyed).isNotEqualTo(sha256Hex(typed).substring(0, 12));
        return keyed;
    }

    List<AuditEntry> entries(String column, String value) {
        return auditLog.search(new AuditQuery(null, null, null, null, null, 0, 500), Jurisdiction.national())
                .getContent().stream()
                .filter(e -> switch (column) {
                    case "action" -> e.action().equals(value);
                    case "object" -> e.object().equals(value);
                    case "username" -> e.username().equals(value);
                    default -> throw new IllegalArgumentException(column);
                })
                .toList();
    }

    @Test
    void recordedEntriesVerifyAndTheRootEqualsThePlainJavaRootOverTheSameLeaves() {
        List<AuditEntry> recorded = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            recorded.add(auditLog.record(new AuditRecord("zhang", 3L, "330106", "case.docket", "/cases/" + i,
                    i % 3 == 0 ? "failed:500" : "ok", "192.0.2." + i, i % 2 == 0 ? null : Map.of("n", "第" + i + "号"))));
        }

        List<byte[]> leaves = new ArrayList<>();
        jdbc.sql("select seq, recorded_at, username, office_id, office_region, action, object, result, "
                + "client_address, detail::text as detail, leaf_hash from audit_entry order by seq")
                .query(rs -> {
                    leaves.add(rs.getBytes("leaf_hash"));
                });
        for (AuditEntry entry : recorded) {
            assertThat(leaves.get((int) entry.seq() - 1)).isEqualTo(
                    LeafEncoding.leafHash(entry.seq(), entry.recordedAt(), entry.record()));
        }
        for (int i = 1; i < recorded.size(); i++) {
            assertThat(recorded.get(i).seq()).isEqualTo(recorded.get(i - 1).seq() + 1);
            assertThat(recorded.get(i).recordedAt()).isAfterOrEqualTo(recorded.get(i - 1).recordedAt());
        }

        AuditVerification verification = auditLog.verify();

        assertThat(verification.valid()).isTrue();
        assertThat(verification.firstBadEntry()).isNull();
        assertThat(verification.entries()).isEqualTo(leaves.size());
        assertThat(verification.root()).isEqualTo(MerkleTree.hex(MerkleTree.root(leaves)));
        byte[] storedLastRoot = jdbc.sql("select tree_root from audit_entry order by seq desc limit 1")
                .query(byte[].class).single();
        assertThat(verification.root()).isEqualTo(MerkleTree.hex(storedLastRoot));
    }

    @Test
    void entriesReadBackExactlyAsRecorded() {
        String action = unique("roundtrip");
        AuditRecord record = new AuditRecord("王五", 9L, "110101", action, "/路径?q=1", "ok", "2001:db8::1",
                Map.of("b", "2", "a", "\"quoted\" \\ 换行\n", "emoji", "😀"));
        AuditEntry written = auditLog.record(record);

        AuditEntry read = entries("action", action).get(0);

        assertThat(read).isEqualTo(written);
        assertThat(read.recordedAt()).isBefore(Instant.now().plusSeconds(5));
    }

    @Test
    void anEntryRolledBackWithItsCallersTransactionLeavesNoGap() {
        String action = unique("rolled-back");
        long before = jdbc.sql("select tree_size from audit_head").query(Long.class).single();

        transactions.executeWithoutResult(status -> {
            auditLog.record(record(action, null, null));
            status.setRollbackOnly();
        });
        AuditEntry next = auditLog.record(record(unique("after"), null, null));

        assertThat(entries("action", action)).isEmpty();
        assertThat(next.seq()).isEqualTo(before + 1);
        assertThat(auditLog.verify().valid()).isTrue();
    }

    @Test
    void theApplicationRoleCannotUpdateDeleteOrTruncateTheLog() {
        auditLog.record(record(unique("protected"), null, null));

        for (String sql : List.of("update audit_entry set object = 'x'", "delete from audit_entry",
                "truncate audit_entry", "update audit_checkpoint set tree_size = 0", "delete from audit_checkpoint")) {
            assertThatThrownBy(() -> appJdbc.execute(sql)).as(sql)
                    .isInstanceOf(DataAccessException.class)
                    .rootCause().hasMessageContaining("permission denied");
        }
        assertThat(auditLog.verify().valid()).isTrue();
    }

    @Test
    void searchShowsAnOfficialsJurisdictionOnlyAndNationalSeesEntriesWithoutOffice() {
        String action = unique("scoped");
        auditLog.record(record(action, "330106", 1L));
        auditLog.record(record(action, "330000", 2L));
        auditLog.record(record(action, "110000", 3L));
        auditLog.record(record(action, null, null));
        AuditQuery query = new AuditQuery(null, action, null, null, null, 0, 50);

        assertThat(auditLog.search(query, new Jurisdiction(RegionCode.of("330000"))).getContent())
                .extracting(AuditEntry::officeRegion).containsExactlyInAnyOrder("330106", "330000");
        assertThat(auditLog.search(query, new Jurisdiction(RegionCode.of("330100"))).getContent())
                .extracting(AuditEntry::officeRegion).containsExactly("330106");
        assertThat(auditLog.search(query, Jurisdiction.national()).getContent())
                .extracting(AuditEntry::officeRegion).containsExactlyInAnyOrder("330106", "330000", "110000", null);
    }

    @Test
    void searchFiltersByUserResultAndTime() {
        String action = unique("filtered");
        auditLog.record(new AuditRecord("zhao", null, null, action, "", "ok", "", null));
        AuditEntry failed = auditLog.record(new AuditRecord("qian", null, null, action, "", "failed:409", "", null));
        Jurisdiction national = Jurisdiction.national();

        assertThat(auditLog.search(new AuditQuery("qian", action, null, null, null, 0, 50), national).getContent())
                .containsExactly(failed);
        assertThat(auditLog.search(new AuditQuery(null, action, "failed", null, null, 0, 50), national).getContent())
                .containsExactly(failed);
        assertThat(auditLog.search(new AuditQuery(null, action, null, failed.recordedAt(), null, 0, 50), national)
                .getContent()).contains(failed).allMatch(e -> !e.recordedAt().isBefore(failed.recordedAt()));
        assertThat(auditLog.search(new AuditQuery(null, action, null, null, failed.recordedAt(), 0, 50), national)
                .getContent()).extracting(AuditEntry::username).containsExactly("zhao");
    }

    @Test
    void aStateChangingRequestIsRecordedWithItsLabelOrItsHandlersName() throws Exception {
        mvc.perform(post("/test/audit-probe/labelled").with(csrf()).with(TestUsers.official("330106", Role.OFFICER)))
                .andExpect(status().isOk());
        mvc.perform(post("/test/audit-probe/plain").with(csrf()).with(TestUsers.official("330106", Role.OFFICER)))
                .andExpect(status().isOk());
        mvc.perform(post("/test/audit-probe/conflict").with(csrf()).with(TestUsers.publicUser()))
                .andExpect(status().isConflict());
        mvc.perform(get("/test/audit-probe/read").with(TestUsers.publicUser())).andExpect(status().isOk());

        assertThat(entries("object", "/test/audit-probe/labelled")).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo("probe.labelled");
            assertThat(e.result()).isEqualTo("ok");
            assertThat(e.username()).isEqualTo("test-330106");
            assertThat(e.officeId()).isEqualTo(1L);
            assertThat(e.officeRegion()).isEqualTo("330106");
            assertThat(e.clientAddress()).isEqualTo("127.0.0.1");
        });
        assertThat(entries("object", "/test/audit-probe/plain")).last()
                .extracting(AuditEntry::action).isEqualTo("AuditProbeController.plain");
        assertThat(entries("object", "/test/audit-probe/conflict")).last().satisfies(e -> {
            assertThat(e.result()).isEqualTo("failed:409");
            assertThat(e.username()).isEqualTo("public");
            assertThat(e.officeRegion()).isNull();
        });
        assertThat(entries("object", "/test/audit-probe/read")).isEmpty();
    }

    @Test
    void anAccessRefusedEventIsRecorded() {
        String path = "/" + unique("secret");
        events.publishEvent(new AccessRefused("mallory", 5L, "POST", path, "198.51.100.7", "Access Denied"));

        assertThat(entries("object", path)).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("access");
            assertThat(e.result()).isEqualTo("refused");
            assertThat(e.username()).isEqualTo("mallory");
            assertThat(e.officeId()).isEqualTo(5L);
            assertThat(e.clientAddress()).isEqualTo("198.51.100.7");
            assertThat(e.detail()).containsEntry("method", "POST").containsEntry("reason", "Access Denied");
        });
    }

    @Test
    void aFailedLoginUnderAnUnknownNameIsRecordedUnderAPseudonymWithItsFailureType() throws Exception {
        String username = unique("intruder");

        mvc.perform(post("/login").with(csrf()).param("username", username).param("password", "wrong"));

        assertThat(entries("username", "unknown:" + pseudonym(username))).singleElement()
                .satisfies(e -> {
                    assertThat(e.action()).isEqualTo("login");
                    assertThat(e.result()).isEqualTo("failure:BadCredentials");
                    assertThat(e.clientAddress()).isEqualTo("127.0.0.1");
                });
        assertThat(entriesContaining(username)).isZero();
    }

    @Test
    void aPasswordTypedIntoTheUsernameFieldIsNeverStored() throws Exception {
        String typed = "My#Password1";

        mvc.perform(post("/login").with(csrf()).param("username", typed).param("password", "wrong"));
        mvc.perform(post("/login").with(csrf()).param("username", typed).param("password", "wrong again"));

        assertThat(entriesContaining(typed)).isZero();
        List<AuditEntry> attempts = entries("username", "unknown:" + pseudonym(typed));
        assertThat(attempts).hasSize(2).allSatisfy(e -> {
            assertThat(e.username()).startsWith("unknown:").hasSize("unknown:".length() + 12);
            assertThat(e.result()).isEqualTo("failure:BadCredentials");
            assertThat(e.officeRegion()).isNull();
        });
    }

    @Test
    void aFailedLoginOnAnOfficialsAccountIsFiledUnderThatOfficialsOffice() throws Exception {
        // an official of its own, so that this wrong password counts toward no shared demo account's lock
        String username = unique("nj-guessed");
        accounts.seed(new org.zhibao.identity.SeedAccount(username, username,
                offices.findByRegion(org.zhibao.region.RegionCode.of("320100")).orElseThrow().id(), "Demo#2026zhibao",
                null, java.util.Set.of(Role.OFFICER), null, null), new java.util.HashMap<>());
        String count = "select count(*) from audit_entry where username = '" + username + "' and office_region = '320100'"
                + " and result = 'failure:BadCredentials'";
        long before = jdbc.sql(count).query(Long.class).single();

        mvc.perform(post("/login").with(csrf()).param("username", username).param("password", "wrong"));

        assertThat(jdbc.sql(count).query(Long.class).single()).isEqualTo(before + 1);
    }

    @Test
    void anAuthenticationFailureEventIsRecordedEvenWithoutARequest() throws Exception {
        String username = unique("robot");
        events.publishEvent(new AuthenticationFailureBadCredentialsEvent(
                UsernamePasswordAuthenticationToken.unauthenticated(username, "x"), new BadCredentialsException("bad")));

        assertThat(entries("username", "unknown:" + pseudonym(username))).singleElement()
                .extracting(AuditEntry::result).isEqualTo("failure:BadCredentials");
        assertThat(entriesContaining(username)).isZero();
    }

    @Test
    void aLoginThatStillNeedsASecondFactorIsRecordedAsPasswordOnly() throws Exception {
        String username = "audit.enrol";
        long office = offices.findByRegion(RegionCode.of("330000")).orElseThrow().id();
        accounts.seed(new SeedAccount(username, "Audit enrolment", office, DemoLogins.PASSWORD, null,
                Set.of(Role.OFFICER), null, null), new java.util.HashMap<>());

        MvcResult login = DemoLogins.postLogin(mvc, username, DemoLogins.PASSWORD, null);
        assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("/profile/totp");

        assertThat(entries("username", username)).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("login");
            assertThat(e.result()).isEqualTo("password-only:enrolment-pending");
            assertThat(e.officeRegion()).isEqualTo("330000");
        });

        // a wrong first code re-renders the enrolment page with status 200: refused, and the code is not kept
        Cookie session = login.getResponse().getCookie("SESSION");
        mvc.perform(get("/profile/totp").cookie(session)).andExpect(status().isOk());
        mvc.perform(post("/profile/totp").cookie(session).with(csrf()).param("code", "abcdef"))
                .andExpect(status().isOk());

        assertThat(entries("username", username)).filteredOn(e -> e.object().equals("/profile/totp"))
                .singleElement().satisfies(e -> {
                    assertThat(e.result()).isEqualTo("rejected");
                    assertThat(e.detail()).isNull();
                });
    }

    @Test
    void aFullLoginIsRecordedAsSuccessAndAnEnrolmentOnlyAuthenticationAsPasswordOnly() {
        ZhibaoUser official = new ZhibaoUser(77L, unique("official"), "O", 1L, "Office", new Jurisdiction(
                RegionCode.of("330106")), Set.of(Role.OFFICER));
        ZhibaoUser enrolling = new ZhibaoUser(78L, unique("enrolling"), "E", 1L, "Office", new Jurisdiction(
                RegionCode.of("330106")), Set.of(Role.OFFICER));

        events.publishEvent(new AuthenticationSuccessEvent(TestUsers.authentication(official)));
        events.publishEvent(new AuthenticationSuccessEvent(UsernamePasswordAuthenticationToken.authenticated(
                enrolling, null, List.of(new SimpleGrantedAuthority("TOTP_ENROLMENT")))));

        assertThat(entries("username", official.username())).singleElement()
                .extracting(AuditEntry::result).isEqualTo("success");
        assertThat(entries("username", enrolling.username())).singleElement()
                .extracting(AuditEntry::result).isEqualTo("password-only:enrolment-pending");
    }

    @Test
    void aFormReRenderedToShowWhyItsInputWasRefusedIsRecordedAsRejected() throws Exception {
        for (String probe : List.of("binding-errors", "violation", "code-error", "accepted")) {
            mvc.perform(post("/test/audit-probe/" + probe).with(csrf()).with(TestUsers.official("330106", Role.OFFICER)))
                    .andExpect(status().isOk());
        }

        assertThat(entries("object", "/test/audit-probe/binding-errors")).first()
                .extracting(AuditEntry::result).isEqualTo("rejected");
        assertThat(entries("object", "/test/audit-probe/violation")).first()
                .extracting(AuditEntry::result).isEqualTo("rejected");
        assertThat(entries("object", "/test/audit-probe/code-error")).first()
                .extracting(AuditEntry::result).isEqualTo("rejected");
        assertThat(entries("object", "/test/audit-probe/accepted")).first()
                .extracting(AuditEntry::result).isEqualTo("ok");
    }

    @Test
    void aRefusedRoleGrantIsRecordedAsRejectedWithTheRolesAskedFor() throws Exception {
        long target = jdbc.sql("select id from account where username = 'nj.officer'").query(Long.class).single();
        String path = "/admin/accounts/" + target + "/roles";

        // two administrator roles at once break the separation of duties: the page comes back with the violation
        mvc.perform(post(path).with(csrf()).with(TestUsers.official("000000", Role.SECURITY_ADMIN))
                .param("roles", "SYSTEM_ADMIN").param("roles", "AUDIT_ADMIN"))
                .andExpect(status().isOk());

        assertThat(entries("object", path)).first().satisfies(e -> {
            assertThat(e.result()).isEqualTo("rejected");
            assertThat(e.detail()).containsExactly(Map.entry("roles", "SYSTEM_ADMIN,AUDIT_ADMIN"));
        });
    }

    @Test
    void aRequestsParametersAreRecordedWithoutItsSecrets() throws Exception {
        String path = "/test/audit-probe/plain";
        String longValue = "长".repeat(150) + "x".repeat(150);
        String secret = unique("hidden") + "-";

        mvc.perform(post(path).with(csrf()).with(TestUsers.official("330106", Role.SYSTEM_ADMIN))
                .param("enabled", "false").param("password", secret + 1).param("newPassword", secret + 2)
                .param("currentPASSWORD", secret + 3).param("code", secret + 4).param("apiToken", secret + 5)
                .param("clientSecret", secret + 6).param("roles", "OFFICER", "MEDIATOR").param("note", longValue))
                .andExpect(status().isOk());
        mvc.perform(post(path).with(csrf()).with(TestUsers.official("330106", Role.SYSTEM_ADMIN))
                .param("enabled", "true"))
                .andExpect(status().isOk());

        List<AuditEntry> recorded = entries("object", path);
        // newest first
        assertThat(recorded.get(1).detail()).containsOnlyKeys("enabled", "roles", "note")
                .containsEntry("enabled", "false")
                .containsEntry("roles", "OFFICER,MEDIATOR")
                .hasEntrySatisfying("note", note -> assertThat(note).hasSize(200)
                        .isEqualTo(longValue.substring(0, 199) + "\u2026"));
        assertThat(recorded.get(0).detail()).containsExactly(Map.entry("enabled", "true"));
        for (int i = 1; i <= 6; i++) {
            assertThat(entriesContaining(secret + i)).as(secret + i).isZero();
        }
    }

    @Test
    void anUploadsFileIsNotRecordedOnlyItsParameters() throws Exception {
        String path = "/test/audit-probe/upload";
        String content = unique("file-content");

        mvc.perform(multipart(path).file(new MockMultipartFile("file", "evidence.txt", "text/plain",
                content.getBytes(StandardCharsets.UTF_8))).param("title", "evidence")
                .with(csrf()).with(TestUsers.official("330106", Role.OFFICER)))
                .andExpect(status().isOk());

        assertThat(entries("object", path)).first()
                .extracting(AuditEntry::detail).isEqualTo(Map.of("title", "evidence"));
        assertThat(entriesContaining(content)).isZero();
    }

    @Test
    void aLogoutIsRecorded() throws Exception {
        long before = jdbc.sql("select count(*) from audit_entry where action = 'logout'").query(Long.class).single();

        mvc.perform(post("/logout").with(csrf()).with(TestUsers.official("440000", Role.OFFICER)));

        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'logout' and username = 'test-440000'"
                + " and office_region = '440000'").query(Long.class).single()).isGreaterThan(0);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'logout'").query(Long.class).single())
                .isEqualTo(before + 1);
    }

    @Test
    void theVerifyEndpointAnswersOnlyTheAuditAdministrator() throws Exception {
        mvc.perform(get("/api/v1/audit/verify").with(TestUsers.official("000000", Role.SYSTEM_ADMIN)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/audit/verify").with(TestUsers.official("000000", Role.SECURITY_ADMIN)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/audit").with(TestUsers.official("000000", Role.SYSTEM_ADMIN)))
                .andExpect(status().isForbidden());

        mvc.perform(get("/api/v1/audit/verify").with(TestUsers.official("000000", Role.AUDIT_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.root").isString())
                .andExpect(jsonPath("$.entries").isNumber())
                .andExpect(jsonPath("$.firstBadEntry").isEmpty());
    }

    @Test
    void theAuditPageListsEntriesAndShowsTheVerification() throws Exception {
        String action = unique("shown");
        auditLog.record(record(action, "330106", 1L));

        mvc.perform(get("/audit").param("action", action).with(TestUsers.official("330000", Role.AUDIT_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<code>" + action + "</code>")));
        mvc.perform(get("/audit").param("action", action).with(TestUsers.official("110000", Role.AUDIT_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(
                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("<code>" + action + "</code>"))));
        mvc.perform(post("/audit/verify").with(csrf()).with(TestUsers.official("000000", Role.AUDIT_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("verification-valid")));
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'audit.verify'").query(Long.class)
                .single()).isGreaterThan(0);
    }

    @Test
    void recordedTimesAreUtc() {
        AuditEntry entry = auditLog.record(record(unique("utc"), null, null));
        OffsetDateTime stored = jdbc.sql("select recorded_at from audit_entry where seq = :seq")
                .param("seq", entry.seq()).query(OffsetDateTime.class).single();

        assertThat(stored.toInstant()).isEqualTo(entry.recordedAt());
    }
}
