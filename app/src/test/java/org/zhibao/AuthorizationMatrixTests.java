package org.zhibao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.zhibao.identity.Accounts;
import org.zhibao.identity.Role;
import org.zhibao.identity.SeedAccount;
import org.zhibao.identity.ZhibaoUser;
import org.zhibao.office.OfficeView;
import org.zhibao.office.Offices;
import org.zhibao.region.RegionCode;

/**
 * Every endpoint × every role (and anonymous) × every jurisdiction relation between the actor's office and
 * the object's, with the answer each must get. The actors work at the Hangzhou office (330100); the objects
 * lie in the same office, a child (西湖区 330106), the parent (浙江 330000), a sibling (宁波 330200) and an
 * unrelated office (南京 320100). An endpoint the matrix does not list fails the build.
 */
@IntegrationTest
@TestPropertySource(properties = "zhibao.test.context=authorization-matrix") // own database: the matrix changes data
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTests {

    enum Relation {
        SAME("330100", "hz.officer"), CHILD("330106", "xihu.officer"), PARENT("330000", "zj.officer"),
        SIBLING("330200", "nb.officer"), UNRELATED("320100", "nj.officer");

        final String region;
        final String account;

        Relation(String region, String account) {
            this.region = region;
            this.account = account;
        }
    }

    enum Access {
        /** Anyone, logged in or not. */
        PUBLIC,
        /** Any logged-in account. */
        ANY_ACCOUNT,
        /** The listed roles, whatever the object (the listing itself is scoped). */
        ROLES,
        /** The listed roles, and only for objects in the actor's office or below it. */
        ROLES_IN_JURISDICTION,
        /** The listed roles at the national office only (our actors are not: always refused). */
        ROLES_AT_NATIONAL_OFFICE,
        /**
         * A case: the listed roles see it in their office or below; beyond, the case is not found (404: nobody
         * learns of a case outside their reach); other roles are refused.
         */
        CASE_VIEW,
        /** A step on a case: the listed roles of the office holding it; below it 403, beyond it 404. */
        CASE_ACT,
        /** A party's own case: our actors are no party to it, so a public user gets 404 and others 403. */
        PARTY_CASE,
        /** Something that does not exist (a file id no case has): the listed roles get 404, others 403. */
        NOT_FOUND_FOR_ROLES,
        /** A case for officials as {@link #CASE_VIEW}, and for a public user if a party (ours is not: 404). */
        CASE_VIEW_OR_PARTY
    }

    /** What a request needs to know of its object. */
    record Target(Relation relation, long officeId, long accountId, String region, long caseId, long leadId) {
    }

    record Endpoint(String method, String pattern, Access access, Set<Role> roles,
            Function<Target, org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?>> request) {

        String key() {
            return method + " " + pattern;
        }
    }

    static final Set<Role> OFFICIALS = EnumSet.of(Role.OFFICER, Role.DIVISION_CHIEF, Role.DIRECTOR,
            Role.TECHNICAL_INVESTIGATOR, Role.MEDIATOR);
    static final Set<Role> OFFICIALS_AND_PUBLIC = EnumSet.of(Role.OFFICER, Role.DIVISION_CHIEF, Role.DIRECTOR,
            Role.TECHNICAL_INVESTIGATOR, Role.MEDIATOR, Role.PUBLIC_USER);
    /** Who handles cases; technical investigators and mediators act only on cases they are members of. */
    static final Set<Role> HANDLERS = EnumSet.of(Role.OFFICER, Role.DIVISION_CHIEF, Role.DIRECTOR);

    static Endpoint get(String pattern, Access access, Set<Role> roles, Function<Target, String> path) {
        return new Endpoint("GET", pattern, access, roles, t -> MockMvcRequestBuilders.get(path.apply(t)));
    }

    static Endpoint post(String pattern, Access access, Set<Role> roles, Function<Target, String> path,
            String... params) {
        return new Endpoint("POST", pattern, access, roles, t -> {
            MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(path.apply(t)).with(csrf());
            for (int i = 0; i < params.length; i += 2) {
                request.param(params[i], params[i + 1].replace("{region}", t.region())
                        .replace("{officeId}", Long.toString(t.officeId())));
            }
            return request;
        });
    }

    static Endpoint act(String pattern, String suffix, String... params) {
        return act(Access.CASE_ACT, HANDLERS, pattern, suffix, params);
    }

    static Endpoint act(Access access, Set<Role> roles, String pattern, String suffix, String... params) {
        return new Endpoint("POST", pattern, access, roles, t -> {
            MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post("/cases/" + t.caseId() + suffix).with(csrf());
            for (int i = 0; i < params.length; i += 2) {
                request.param(params[i], params[i + 1].replace("{officeId}", Long.toString(t.officeId())));
            }
            return request;
        });
    }

    static final List<Endpoint> MATRIX = List.of(
            // shell
            get("/", Access.ANY_ACCOUNT, Set.of(), t -> "/"),
            get("/my-work", Access.ROLES, OFFICIALS, t -> "/my-work"),
            // adjudication: officials
            get("/cases", Access.ROLES, OFFICIALS, t -> "/cases?q=x"),
            get("/cases/export.xlsx", Access.ROLES, OFFICIALS, t -> "/cases/export.xlsx?q=x"),
            get("/cases/simplified-procedure", Access.ROLES, EnumSet.of(Role.DIRECTOR), t -> "/cases/simplified-procedure"),
            post("/cases/simplified-procedure", Access.ROLES, EnumSet.of(Role.DIRECTOR), t -> "/cases/simplified-procedure",
                    "timeLimitDays", "5", "basis", ""),
            get("/cases/approvals", Access.ROLES, EnumSet.of(Role.DIRECTOR), t -> "/cases/approvals"),
            get("/cases/conflicts", Access.ROLES, OFFICIALS, t -> "/cases/conflicts"),
            post("/cases/conflicts", Access.ROLES, OFFICIALS, t -> "/cases/conflicts", "grounds", ""),
            get("/cases/{id}", Access.CASE_VIEW, OFFICIALS, t -> "/cases/" + t.caseId()),
            get("/cases/{id}/files/{fileId}", Access.NOT_FOUND_FOR_ROLES, OFFICIALS_AND_PUBLIC, t -> "/cases/" + t.caseId() + "/files/999999"),
            get("/cases/{id}/documents/{documentId}", Access.NOT_FOUND_FOR_ROLES, OFFICIALS_AND_PUBLIC, t -> "/cases/" + t.caseId() + "/documents/999999"),
            act("/cases/{id}/correction", "/correction", "items", ""),
            act("/cases/{id}/docket", "/docket", "simplified", "true"),
            act("/cases/{id}/refuse", "/refuse", "reasons", ""),
            act("/cases/{id}/transfer", "/transfer", "officeId", "{officeId}", "reasons", ""),
            act(Access.CASE_ACT, EnumSet.of(Role.DIRECTOR), "/cases/{id}/review-extension", "/review-extension", "reasons", ""),
            act("/cases/{id}/serve", "/serve", "partyId", "0", "servedOn", "2026-01-01", "receivedOn", "2026-01-01"),
            act("/cases/{id}/forward-answer", "/forward-answer"),
            act("/cases/{id}/files/{fileId}/serve", "/files/999999/serve"),
            act("/cases/{id}/members", "/members", "accountId", "999999", "role", "HANDLING_OFFICER"),
            act(Access.CASE_ACT, EnumSet.of(Role.DIRECTOR), "/cases/{id}/members/{memberId}/remove", "/members/999999/remove", "reason", "x"),
            act(Access.CASE_ACT, EnumSet.of(Role.DIRECTOR), "/cases/{id}/recusals/{recusalId}", "/recusals/999999", "granted", "false"),
            act("/cases/{id}/hearing", "/hearing", "place", ""),
            act("/cases/{id}/heard", "/heard"),
            act("/cases/{id}/suspend", "/suspend", "grounds", ""),
            act("/cases/{id}/resume", "/resume"),
            act("/cases/{id}/clock-stop", "/clock-stop", "reason", "APPRAISAL", "grounds", ""),
            act("/cases/{id}/clock-restart", "/clock-restart"),
            act("/cases/{id}/extension", "/extension", "level", "OFFICE_HEAD", "reasons", ""),
            act(Access.CASE_VIEW, EnumSet.of(Role.DIRECTOR), "/cases/{id}/extensions/{extensionId}", "/extensions/999999", "approve", "false"),
            act("/cases/{id}/mediation", "/mediation"),
            act("/cases/{id}/mediation/agreement", "/mediation/agreement", "terms", ""),
            act("/cases/{id}/mediation/failed", "/mediation/failed"),
            act("/cases/{id}/mediation/route", "/mediation/route", "route", "NONE"),
            act("/cases/{id}/decision", "/decision", "text", ""),
            act("/cases/{id}/decision/served", "/decision/served"),
            act("/cases/{id}/publication", "/publication"),
            act("/cases/{id}/aftermath", "/aftermath", "kind", "LAWSUIT"),
            new Endpoint("POST", "/cases/{id}/files", Access.CASE_ACT, HANDLERS, t -> MockMvcRequestBuilders
                    .multipart("/cases/" + t.caseId() + "/files").file(new org.springframework.mock.web.MockMultipartFile(
                            "file", "x.pdf", "application/pdf", "%PDF-1.4".getBytes())).param("category", "PANEL_MINUTES").with(csrf())),
            // adjudication: the parties' portal and the public site
            get("/portal/cases", Access.ROLES, EnumSet.of(Role.PUBLIC_USER), t -> "/portal/cases"),
            get("/portal/requests/new", Access.ROLES, EnumSet.of(Role.PUBLIC_USER), t -> "/portal/requests/new"),
            post("/portal/requests", Access.ROLES, EnumSet.of(Role.PUBLIC_USER), t -> "/portal/requests", "patentNumber", "x"),
            post("/portal/cases/join", Access.ROLES, EnumSet.of(Role.PUBLIC_USER), t -> "/portal/cases/join",
                    "caseNumber", "x", "code", "x"),
            get("/portal/cases/{id}", Access.PARTY_CASE, Set.of(), t -> "/portal/cases/" + t.caseId()),
            get("/portal/cases/{id}/files/{fileId}", Access.NOT_FOUND_FOR_ROLES, OFFICIALS_AND_PUBLIC, t -> "/portal/cases/" + t.caseId() + "/files/999999"),
            get("/portal/cases/{id}/documents/{documentId}", Access.NOT_FOUND_FOR_ROLES, OFFICIALS_AND_PUBLIC, t -> "/portal/cases/" + t.caseId() + "/documents/999999"),
            post("/portal/cases/{id}/answer", Access.PARTY_CASE, Set.of(), t -> "/portal/cases/" + t.caseId() + "/answer", "statement", "x"),
            post("/portal/cases/{id}/correction", Access.PARTY_CASE, Set.of(), t -> "/portal/cases/" + t.caseId() + "/correction", "statement", "x"),
            post("/portal/cases/{id}/files", Access.PARTY_CASE, Set.of(), t -> "/portal/cases/" + t.caseId() + "/files"),
            post("/portal/cases/{id}/withdraw", Access.PARTY_CASE, Set.of(), t -> "/portal/cases/" + t.caseId() + "/withdraw"),
            post("/portal/cases/{id}/recusal", Access.PARTY_CASE, Set.of(), t -> "/portal/cases/" + t.caseId() + "/recusal",
                    "memberId", "1", "grounds", "x"),
            get("/decisions", Access.PUBLIC, Set.of(), t -> "/decisions?q=x"),
            new Endpoint("POST", "/api/v1/adjudication/requests", Access.ROLES, EnumSet.of(Role.PUBLIC_USER),
                    t -> MockMvcRequestBuilders.post("/api/v1/adjudication/requests").with(csrf()).header("Idempotency-Key", "k-" + t.region())
                            .contentType("application/json").content("{\"patentNumber\":\"x\"}")),
            get("/api/v1/adjudication/cases/{id}", Access.CASE_VIEW_OR_PARTY, OFFICIALS, t -> "/api/v1/adjudication/cases/" + t.caseId()),
            // api: the OpenAPI description is documentation, public
            get("/v3/api-docs", Access.PUBLIC, Set.of(), t -> "/v3/api-docs"),
            get("/v3/api-docs.yaml", Access.PUBLIC, Set.of(), t -> "/v3/api-docs.yaml"),
            get("/error", Access.PUBLIC, Set.of(), t -> "/error"),
            // regions: public reference data
            get("/api/v1/regions/{code}", Access.PUBLIC, Set.of(), t -> "/api/v1/regions/" + t.region()),
            get("/api/v1/regions/{code}/children", Access.PUBLIC, Set.of(), t -> "/api/v1/regions/" + t.region() + "/children"),
            // identity: public and own account
            get("/login", Access.PUBLIC, Set.of(), t -> "/login"),
            get("/register", Access.PUBLIC, Set.of(), t -> "/register"),
            post("/register", Access.PUBLIC, Set.of(), t -> "/register", "email", "not-an-email"),
            get("/api/v1/me", Access.ANY_ACCOUNT, Set.of(), t -> "/api/v1/me"),
            get("/profile", Access.ANY_ACCOUNT, Set.of(), t -> "/profile"),
            post("/profile/password", Access.ANY_ACCOUNT, Set.of(), t -> "/profile/password",
                    "currentPassword", "wrong", "newPassword", "x", "newPasswordConfirm", "x"),
            get("/profile/totp", Access.ANY_ACCOUNT, Set.of(), t -> "/profile/totp"),
            get("/profile/password-change", Access.ANY_ACCOUNT, Set.of(), t -> "/profile/password-change"),
            post("/profile/password-change", Access.ANY_ACCOUNT, Set.of(), t -> "/profile/password-change",
                    "newPassword", "x", "newPasswordConfirm", "x"),
            post("/profile/totp", Access.ANY_ACCOUNT, Set.of(), t -> "/profile/totp", "code", "000000"),
            post("/profile/tokens", Access.ANY_ACCOUNT, Set.of(), t -> "/profile/tokens", "name", ""),
            post("/profile/tokens/{id}/revoke", Access.ANY_ACCOUNT, Set.of(), t -> "/profile/tokens/999999/revoke"),
            // identity: administrators
            get("/admin/accounts", Access.ROLES, EnumSet.of(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN), t -> "/admin/accounts"),
            get("/admin/accounts/new", Access.ROLES, EnumSet.of(Role.SYSTEM_ADMIN), t -> "/admin/accounts/new"),
            post("/admin/accounts", Access.ROLES_IN_JURISDICTION, EnumSet.of(Role.SYSTEM_ADMIN), t -> "/admin/accounts",
                    "username", "x", "displayName", "x", "officeId", "{officeId}", "initialPassword", "x"),
            post("/admin/accounts/platforms", Access.ROLES_AT_NATIONAL_OFFICE, EnumSet.of(Role.SYSTEM_ADMIN),
                    t -> "/admin/accounts/platforms", "username", "x", "displayName", "x", "initialPassword", "x"),
            get("/admin/accounts/{id}", Access.ROLES_IN_JURISDICTION, EnumSet.of(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN),
                    t -> "/admin/accounts/" + t.accountId()),
            post("/admin/accounts/{id}/roles", Access.ROLES_IN_JURISDICTION, EnumSet.of(Role.SECURITY_ADMIN),
                    t -> "/admin/accounts/" + t.accountId() + "/roles", "roles", "OFFICER"),
            post("/admin/accounts/{id}/enabled", Access.ROLES_IN_JURISDICTION, EnumSet.of(Role.SYSTEM_ADMIN),
                    t -> "/admin/accounts/" + t.accountId() + "/enabled", "enabled", "true"),
            post("/admin/accounts/{id}/unlock", Access.ROLES_IN_JURISDICTION, EnumSet.of(Role.SYSTEM_ADMIN),
                    t -> "/admin/accounts/" + t.accountId() + "/unlock"),
            post("/admin/accounts/{id}/reset", Access.ROLES_IN_JURISDICTION, EnumSet.of(Role.SYSTEM_ADMIN),
                    t -> "/admin/accounts/" + t.accountId() + "/reset", "newPassword", "x"),
            get("/admin/security-policy", Access.ROLES, EnumSet.of(Role.SECURITY_ADMIN), t -> "/admin/security-policy"),
            post("/admin/security-policy", Access.ROLES_AT_NATIONAL_OFFICE, EnumSet.of(Role.SECURITY_ADMIN), t -> "/admin/security-policy",
                    "maxFailedAttempts", "1", "lockMinutes", "1", "idleTimeoutMinutes", "1", "passwordMinLength", "1"),
            // offices
            get("/admin/offices", Access.ROLES, EnumSet.of(Role.SYSTEM_ADMIN), t -> "/admin/offices"),
            get("/admin/offices/new", Access.ROLES, EnumSet.of(Role.SYSTEM_ADMIN), t -> "/admin/offices/new"),
            post("/admin/offices", Access.ROLES_IN_JURISDICTION, EnumSet.of(Role.SYSTEM_ADMIN), t -> "/admin/offices",
                    "regionCode", "{region}", "name", "x"),
            get("/admin/offices/{id}", Access.ROLES_IN_JURISDICTION, EnumSet.of(Role.SYSTEM_ADMIN),
                    t -> "/admin/offices/" + t.officeId()),
            // calendar
            get("/admin/calendar", Access.ROLES, EnumSet.of(Role.SYSTEM_ADMIN), t -> "/admin/calendar?year=2026"),
            post("/admin/calendar/overrides", Access.ROLES_AT_NATIONAL_OFFICE, EnumSet.of(Role.SYSTEM_ADMIN),
                    t -> "/admin/calendar/overrides", "day", "not-a-date"),
            post("/admin/calendar/overrides/{day}/delete", Access.ROLES_AT_NATIONAL_OFFICE, EnumSet.of(Role.SYSTEM_ADMIN),
                    t -> "/admin/calendar/overrides/2031-01-02/delete"),
            get("/calendar/deadline", Access.ANY_ACCOUNT, Set.of(), t -> "/calendar/deadline?start=2025-09-28&days=5&kind=WORKING"),
            get("/api/v1/calendar/deadline", Access.ANY_ACCOUNT, Set.of(),
                    t -> "/api/v1/calendar/deadline?start=2025-09-28&days=5&kind=WORKING"),
            // leads: the precise management list; batches are imported by the national and provincial offices only
            get("/leads", Access.ROLES, HANDLERS, t -> "/leads?rule=P1_DUPLICATE&minScore=0.5&region=330000&applicant=a&agency=b"),
            get("/leads/export.xlsx", Access.ROLES, HANDLERS, t -> "/leads/export.xlsx?status=OPEN"),
            get("/leads/{id}", Access.CASE_VIEW, HANDLERS, t -> "/leads/" + t.leadId()),
            new Endpoint("POST", "/leads/{id}/confirm", Access.CASE_ACT, HANDLERS, t -> MockMvcRequestBuilders
                    .post("/leads/" + t.leadId() + "/confirm").with(csrf()).param("reasons", "x").param("basis", "y")),
            new Endpoint("POST", "/leads/{id}/dismiss", Access.CASE_ACT, HANDLERS, t -> MockMvcRequestBuilders
                    .post("/leads/" + t.leadId() + "/dismiss").with(csrf()).param("reasons", "x")),
            // a higher office hands down its own leads and those below it
            new Endpoint("POST", "/leads/{id}/hand-down", Access.CASE_VIEW, HANDLERS, t -> MockMvcRequestBuilders
                    .post("/leads/" + t.leadId() + "/hand-down").with(csrf()).param("officeId", Long.toString(t.officeId()))
                    .param("due", "2099-01-01")),
            get("/screening/batches", Access.ROLES_AT_NATIONAL_OFFICE, HANDLERS, t -> "/screening/batches"),
            new Endpoint("POST", "/screening/batches", Access.ROLES_AT_NATIONAL_OFFICE, HANDLERS, t -> MockMvcRequestBuilders
                    .multipart("/screening/batches").file(new org.springframework.mock.web.MockMultipartFile("file", "p.jsonl",
                            "application/x-ndjson", "{}".getBytes())).param("kind", "PATENTS").with(csrf())),
            post("/screening/batches/inbox", Access.ROLES_AT_NATIONAL_OFFICE, HANDLERS, t -> "/screening/batches/inbox",
                    "fileName", "x.jsonl", "kind", "PATENTS"),
            new Endpoint("POST", "/screening/known-marks", Access.ROLES_AT_NATIONAL_OFFICE, HANDLERS, t -> MockMvcRequestBuilders
                    .multipart("/screening/known-marks").file(new org.springframework.mock.web.MockMultipartFile("file", "k.jsonl",
                            "application/x-ndjson", "{}".getBytes())).with(csrf())),
            get("/screening/batches/{id}", Access.ROLES_AT_NATIONAL_OFFICE, HANDLERS, t -> "/screening/batches/999999"),
            get("/screening/batches/{id}/events", Access.ROLES_AT_NATIONAL_OFFICE, HANDLERS, t -> "/screening/batches/999999/events"),
            post("/screening/batches/{id}/cancel", Access.ROLES_AT_NATIONAL_OFFICE, HANDLERS, t -> "/screening/batches/999999/cancel"),
            post("/screening/batches/{id}/resume", Access.ROLES_AT_NATIONAL_OFFICE, HANDLERS, t -> "/screening/batches/999999/resume"),
            // reports from the public
            get("/reports", Access.ROLES, EnumSet.of(Role.PUBLIC_USER), t -> "/reports"),
            get("/reports/new", Access.ROLES, EnumSet.of(Role.PUBLIC_USER), t -> "/reports/new"),
            post("/reports", Access.ROLES, EnumSet.of(Role.PUBLIC_USER), t -> "/reports", "filingKind", "PATENT"),
            // audit
            get("/audit", Access.ROLES, EnumSet.of(Role.AUDIT_ADMIN), t -> "/audit"),
            post("/audit/verify", Access.ROLES, EnumSet.of(Role.AUDIT_ADMIN), t -> "/audit/verify"),
            get("/api/v1/audit/verify", Access.ROLES, EnumSet.of(Role.AUDIT_ADMIN), t -> "/api/v1/audit/verify"));

    @Autowired
    MockMvc mvc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    Accounts accounts;
    @Autowired
    Offices offices;
    @Autowired
    JdbcClient jdbc;

    final Map<Role, ZhibaoUser> actors = new HashMap<>();
    final Map<Relation, Target> targets = new HashMap<>();

    @BeforeAll
    void setUpActorsAndTargets() {
        OfficeView hangzhou = offices.findByRegion(RegionCode.of("330100")).orElseThrow();
        Map<String, String> hashes = new HashMap<>();
        for (Role role : Role.values()) {
            boolean official = role.isOfficial();
            String username = "matrix." + role.name().toLowerCase();
            long id = accounts.seed(new SeedAccount(username, username, official ? hangzhou.id() : null,
                    DemoLogins.PASSWORD, official ? DemoLogins.TOTP_SECRET : null, Set.of(role), null, null), hashes);
            actors.put(role, new ZhibaoUser(id, username, username, official ? hangzhou.id() : null,
                    official ? hangzhou.name() : null, official ? hangzhou.jurisdiction() : null, Set.of(role)));
        }
        for (Relation relation : Relation.values()) {
            OfficeView office = offices.findByRegion(RegionCode.of(relation.region)).orElseThrow();
            long account = jdbc.sql("select id from account where username = :u").param("u", relation.account)
                    .query(Long.class).single();
            long requester = accounts.seed(new SeedAccount("matrix.requester." + relation.name().toLowerCase(),
                    "requester", null, DemoLogins.PASSWORD, null, Set.of(Role.PUBLIC_USER), null, null), hashes);
            long caseId = jdbc.sql("""
                    insert into adjudication_case (office_id, office_region, kind, status, rules, title, patent_number,
                        patent_kind, claims, facts, infringement_region, filed_by, filed_at, received_on)
                    values (:office, :region, 'ORDINARY', 'SUBMITTED', 'adjudication.rules.measures-2025', 'matrix',
                        'ZL202310123456.X', 'INVENTION', '1', 'facts', :region, :by, now(), current_date)
                    returning id""").param("office", office.id()).param("region", relation.region)
                    .param("by", requester).query(Long.class).single();
            jdbc.sql("""
                    insert into case_party (case_id, role, position, name, address, account_id)
                    values (:c, 'REQUESTER', 0, 'R', 'A', :by), (:c, 'RESPONDENT', 0, 'S', 'B', null)""")
                    .param("c", caseId).param("by", requester).update();
            long reportId = jdbc.sql("""
                    insert into filing_report (reported_by, reporter_name, filing_kind, application_no, rule,
                        applicant_name, description)
                    values (:by, 'R', 'PATENT', 'CN1', 'P1_DUPLICATE', 'A', 'matrix report') returning id""")
                    .param("by", requester).query(Long.class).single();
            long leadId = jdbc.sql("""
                    insert into lead (source, report_id, rule, subjects, applicant_name, region_code, office_id,
                        office_region, status, reported_by)
                    values ('REPORT', :report, 'P1_DUPLICATE', '{CN1}', 'A', :region, :office, :region, 'OPEN', :by)
                    returning id""").param("report", reportId).param("region", relation.region)
                    .param("office", office.id()).param("by", requester).query(Long.class).single();
            targets.put(relation, new Target(relation, office.id(), account, relation.region, caseId, leadId));
        }
    }

    @Test
    void everyEndpointOfTheApplicationIsInTheMatrix() {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<String> methods = info.getMethodsCondition().getMethods().isEmpty()
                    ? Set.of("GET")
                    : info.getMethodsCondition().getMethods().stream().map(Enum::name)
                            .collect(java.util.stream.Collectors.toSet());
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/test/")) {
                    continue; // controllers of the test sources only (e.g. the audit probe), not the product
                }
                methods.forEach(method -> endpoints.add(method + " " + pattern));
            }
        }
        Set<String> covered = new TreeSet<>();
        MATRIX.forEach(endpoint -> covered.add(endpoint.key()));
        assertThat(covered).as("endpoints in the authorization matrix").containsAll(endpoints);
        assertThat(endpoints).as("matrix rows that match no endpoint").containsAll(covered);
    }

    @TestFactory
    Stream<DynamicTest> everyRoleGetsItsAnswerForEveryRelation() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : MATRIX) {
            for (Role role : Role.values()) {
                for (Relation relation : Relation.values()) {
                    tests.add(DynamicTest.dynamicTest(endpoint.key() + " as " + role + " on " + relation,
                            () -> check(endpoint, role, relation)));
                }
            }
            for (Relation relation : Relation.values()) {
                tests.add(DynamicTest.dynamicTest(endpoint.key() + " anonymously on " + relation,
                        () -> checkAnonymous(endpoint, relation)));
            }
        }
        return tests.stream();
    }

    void check(Endpoint endpoint, Role role, Relation relation) throws Exception {
        ZhibaoUser actor = actors.get(role);
        MvcResult result = mvc.perform(endpoint.request().apply(targets.get(relation))
                .with(SecurityMockMvcRequestPostProcessors.authentication(TestUsers.authentication(actor))))
                .andReturn();
        int status = result.getResponse().getStatus();
        boolean allowed = switch (endpoint.access()) {
            case PUBLIC, ANY_ACCOUNT -> true;
            case ROLES -> endpoint.roles().contains(role);
            case ROLES_IN_JURISDICTION -> endpoint.roles().contains(role)
                    && (relation == Relation.SAME || relation == Relation.CHILD);
            case ROLES_AT_NATIONAL_OFFICE, PARTY_CASE, NOT_FOUND_FOR_ROLES -> false;
            case CASE_VIEW, CASE_VIEW_OR_PARTY -> endpoint.roles().contains(role)
                    && (relation == Relation.SAME || relation == Relation.CHILD);
            case CASE_ACT -> endpoint.roles().contains(role) && relation == Relation.SAME;
        };
        boolean hidden = switch (endpoint.access()) {
            case CASE_VIEW, CASE_ACT -> endpoint.roles().contains(role) && !allowed && relation != Relation.CHILD;
            case CASE_VIEW_OR_PARTY -> role == Role.PUBLIC_USER
                    || endpoint.roles().contains(role) && !allowed && relation != Relation.CHILD;
            case PARTY_CASE -> role == Role.PUBLIC_USER;
            case NOT_FOUND_FOR_ROLES -> endpoint.roles().contains(role);
            default -> false;
        };
        if (hidden) {
            assertThat(status).as("%s as %s on %s: not found", endpoint.key(), role, relation).isEqualTo(404);
        }
        else if (allowed) {
            assertThat(status).as("%s as %s on %s", endpoint.key(), role, relation).isNotIn(401, 403);
            if (!endpoint.pattern().equals("/error")) { // asked directly, the error page reports a 500 by design
                assertThat(status).as("%s as %s on %s: no server error", endpoint.key(), role, relation).isLessThan(500);
            }
        }
        else {
            assertThat(status).as("%s as %s on %s", endpoint.key(), role, relation).isEqualTo(403);
        }
    }

    void checkAnonymous(Endpoint endpoint, Relation relation) throws Exception {
        MvcResult result = mvc.perform(endpoint.request().apply(targets.get(relation))).andReturn();
        int status = result.getResponse().getStatus();
        if (endpoint.access() == Access.PUBLIC) {
            assertThat(status).as("%s anonymously", endpoint.key()).isNotIn(401, 403);
        }
        else if (endpoint.pattern().startsWith("/api/")) {
            assertThat(status).as("%s anonymously", endpoint.key()).isEqualTo(401);
        }
        else {
            assertThat(result.getResponse().getRedirectedUrl()).as("%s anonymously", endpoint.key())
                    .endsWith("/login");
        }
    }
}
