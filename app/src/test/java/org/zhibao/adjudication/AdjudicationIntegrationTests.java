package org.zhibao.adjudication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.TestPropertySource;
import org.zhibao.DemoLogins;
import org.zhibao.IntegrationTest;
import org.zhibao.TestUsers;
import org.zhibao.calendar.CalendarOverride;
import org.zhibao.calendar.CalendarOverrides;
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

/**
 * Whole cases through the service, on the real calendar and database: the dates are those of 2026 around
 * National Day (1–7 October off, Saturday 10 October a make-up working day, per the State Council's notice).
 */
@IntegrationTest
@TestPropertySource(properties = "zhibao.test.context=adjudication")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdjudicationIntegrationTests {

    /** A clock the test moves: the procedure counts days from "today". */
    static final AtomicReference<LocalDate> TODAY = new AtomicReference<>(LocalDate.of(2026, 9, 28));

    @TestConfiguration
    static class MovableClock {
        @Bean
        @Primary
        Clock movableClock() {
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return ZoneId.of("Asia/Shanghai");
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return TODAY.get().atTime(10, 0).toInstant(ZoneOffset.ofHours(8));
                }
            };
        }
    }

    @Autowired
    Adjudication adjudication;
    @Autowired
    CaseList lists;
    @Autowired
    Accounts accounts;
    @Autowired
    Offices offices;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CalendarOverrides overrides;

    ZhibaoUser requester;
    ZhibaoUser respondent;
    ZhibaoUser officer;
    ZhibaoUser director;
    ZhibaoUser chief;
    ZhibaoUser provincialDirector;
    ZhibaoUser nanjingOfficer;
    OfficeView hangzhou;

    @BeforeAll
    void accounts() {
        hangzhou = offices.findByRegion(RegionCode.of("330100")).orElseThrow();
        OfficeView zhejiang = offices.findByRegion(RegionCode.of("330000")).orElseThrow();
        OfficeView nanjing = offices.findByRegion(RegionCode.of("320100")).orElseThrow();
        requester = user("adj.requester", "张三", null, Role.PUBLIC_USER);
        respondent = user("adj.respondent", "某某科技有限公司", null, Role.PUBLIC_USER);
        officer = user("adj.officer", "李承办", hangzhou, Role.OFFICER);
        director = user("adj.director", "王局长", hangzhou, Role.DIRECTOR);
        chief = user("adj.chief", "孙处长", hangzhou, Role.DIVISION_CHIEF);
        provincialDirector = user("adj.zj.director", "赵局长", zhejiang, Role.DIRECTOR);
        nanjingOfficer = user("adj.nj.officer", "钱办案", nanjing, Role.OFFICER);
    }

    private ZhibaoUser user(String username, String name, OfficeView office, Role role) {
        Map<String, String> hashes = new HashMap<>();
        long id = accounts.seed(new SeedAccount(username, name, office == null ? null : office.id(), DemoLogins.PASSWORD,
                office == null ? null : DemoLogins.TOTP_SECRET, Set.of(role), null,
                office == null ? PartyType.INDIVIDUAL : null), hashes);
        return new ZhibaoUser(id, username, name, office == null ? null : office.id(),
                office == null ? null : office.name(), office == null ? null : office.jurisdiction(), Set.of(role));
    }

    /** Acts as {@code user}: the audit log and the database's row scope both read the security context. */
    private ZhibaoUser as(ZhibaoUser user) {
        SecurityContextHolder.getContext().setAuthentication(TestUsers.authentication(user));
        return user;
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    static String patent(String digits) {
        return "ZL" + digits + "." + PatentApplicationNumber.checkDigitOf(digits);
    }

    static String creditCode(String first17) {
        return first17 + CreditCode.checkCharacterOf(first17);
    }

    private FileRequest request(String patent) {
        return new FileRequest(CaseKind.ORDINARY, hangzhou.id(), patent, "一种折叠式手机支架", "1, 3-5",
                "被请求人在西湖区销售的手机支架落入权利要求1、3至5的保护范围。联系电话13812345678。",
                "责令被请求人立即停止销售侵权产品", "330106",
                new PartyInput("张三", "杭州市西湖区文三路1号", "", true, ""),
                List.of(new PartyInput("某某科技有限公司", "杭州市西湖区学院路2号", creditCode("91330106MA2B3C4D5"), true, "")),
                null);
    }

    private RunningPeriod period(long caseId, ZhibaoUser user, Period period) {
        return adjudication.periods(caseId, as(user)).stream().filter(p -> p.period() == period).findFirst()
                .orElseThrow(() -> new AssertionError("no period " + period));
    }

    @Test
    void aCaseRunsFromRequestToPublishedDecisionOverNationalDay() {
        TODAY.set(LocalDate.of(2026, 9, 28));
        CaseView filed = adjudication.file(request(patent("202320123456")), as(requester));
        long id = filed.id();
        assertThat(filed.status()).isEqualTo(CaseStatus.SUBMITTED);

        // art. 20: 5 working days from Monday 28 September: 29, 30 September, 8, 9 October, Saturday 10 October
        RunningPeriod review = period(id, officer, Period.ACCEPTANCE_REVIEW);
        assertThat(review.end()).isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(review.basis()).isEqualTo("adjudication.basis.art-20");

        TODAY.set(LocalDate.of(2026, 9, 29));
        CaseView docketed = adjudication.docket(id, false, SimplifiedEligibility.none(), as(officer));
        assertThat(docketed.caseNumber()).matches("浙杭州知裁字〔2026〕\\d+号");
        assertThat(docketed.activeMembers()).extracting(CaseView.Member::displayName, CaseView.Member::role)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("李承办", MemberRole.HANDLING_OFFICER));

        String code = adjudication.serve(id, docketed.respondents().get(0).id(), TODAY.get(), TODAY.get(), as(officer));
        // art. 22: 15 days from receipt on 29 September: 14 October, a Wednesday
        assertThat(period(id, officer, Period.ANSWER).end()).isEqualTo(LocalDate.of(2026, 10, 14));

        assertThatThrownBy(() -> adjudication.joinAsRespondent(docketed.caseNumber(), "WRONGCODE1", as(respondent)))
                .isInstanceOf(CaseRefused.class);
        assertThat(adjudication.find(id, as(respondent))).isEmpty();
        adjudication.joinAsRespondent(docketed.caseNumber(), code, as(respondent));
        assertThat(adjudication.find(id, as(respondent)).orElseThrow().viewerRole()).contains(PartyRole.RESPONDENT);
        // the code is spent once used
        assertThatThrownBy(() -> adjudication.joinAsRespondent(docketed.caseNumber(), code, as(requester)))
                .isInstanceOf(CaseRefused.class);

        TODAY.set(LocalDate.of(2026, 10, 9));
        adjudication.answer(id, "产品未落入保护范围。", as(respondent));
        adjudication.forwardAnswer(id, as(officer));

        // art. 26: noticed Friday 9 October, 3 working days (10, 12, 13 October) before the hearing
        assertThatThrownBy(() -> adjudication.scheduleHearing(id, LocalDateTime.of(2026, 10, 13, 9, 0), "第一审理庭",
                as(officer))).isInstanceOf(CaseRefused.class)
                .extracting(e -> ((CaseRefused) e).messageCode()).isEqualTo("adjudication.hearing.notice-too-short");
        adjudication.scheduleHearing(id, LocalDateTime.of(2026, 10, 14, 9, 0), "第一审理庭", as(officer));

        TODAY.set(LocalDate.of(2026, 10, 14));
        adjudication.recordHearing(id, as(officer));
        adjudication.decide(id, "INFRINGEMENT", "经审理，被请求人张三联系电话13812345678……侵权成立。", as(officer));
        adjudication.serveDecision(id, TODAY.get(), as(officer));
        adjudication.publish(id, null, as(officer));

        CaseView decided = adjudication.find(id, as(officer)).orElseThrow();
        assertThat(decided.status()).isEqualTo(CaseStatus.DECIDED);
        assertThat(decided.documents()).extracting(CaseDocumentView::kind).contains("ACCEPTANCE_NOTICE",
                "ANSWER_NOTICE", "HEARING_NOTICE", "DECISION");
        assertThat(decided.periods()).filteredOn(p -> p.period() == Period.PUBLICATION)
                .allMatch(p -> p.state() == RunningPeriod.State.MET);
        // 15 days to sue from receipt on 14 October
        assertThat(decided.periods()).filteredOn(p -> p.period() == Period.LAWSUIT)
                .extracting(RunningPeriod::end).containsExactly(LocalDate.of(2026, 10, 29));

        PublishedDecision published = lists.published(decided.caseNumber()).get(0);
        assertThat(published.text()).doesNotContain("张三", "13812345678").contains("张某", "138****5678");

        // every document's hash is in the audit log
        List<String> audited = jdbc.sql("select detail->>'sha256' from audit_entry where action = 'adjudication.document.issue'")
                .query(String.class).list();
        assertThat(decided.documents()).allMatch(d -> audited.contains(d.sha256()));

        // the respondent sees what was served on it, the requester too, never the other side's unserved files
        CaseView forRespondent = adjudication.find(id, as(respondent)).orElseThrow();
        assertThat(forRespondent.documents()).extracting(CaseDocumentView::kind).contains("ANSWER_NOTICE", "DECISION")
                .doesNotContain("ACCEPTANCE_NOTICE");
        assertThat(forRespondent.events()).isEmpty();
    }

    @Test
    void forbiddenMovesAreRefusedWithTheirReason() {
        TODAY.set(LocalDate.of(2026, 11, 2));
        long id = adjudication.file(request(patent("202310654321")), as(requester)).id();
        assertThatThrownBy(() -> adjudication.decide(id, "INFRINGEMENT", "x", as(officer)))
                .isInstanceOf(IllegalTransition.class);
        assertThatThrownBy(() -> adjudication.resume(id, as(officer))).isInstanceOf(IllegalTransition.class);
        assertThatThrownBy(() -> adjudication.mediationFailed(id, as(officer))).isInstanceOf(IllegalTransition.class);
        adjudication.withdraw(id, "和解", as(requester));
        assertThatThrownBy(() -> adjudication.docket(id, false, SimplifiedEligibility.none(), as(officer)))
                .isInstanceOf(IllegalTransition.class)
                .extracting(e -> ((CaseRefused) e).arguments()).isEqualTo(new Object[] {
                        CaseStatus.WITHDRAWN.messageCode(), CaseStatus.DOCKETED.messageCode() });
        assertThat(adjudication.find(id, as(officer)).orElseThrow().status()).isEqualTo(CaseStatus.WITHDRAWN);
    }

    @Test
    void anOfficerOfAnotherProvinceNeitherSeesNorActsOnTheCase() {
        TODAY.set(LocalDate.of(2026, 11, 2));
        long id = adjudication.file(request(patent("202330111111")), as(requester)).id();
        assertThat(adjudication.find(id, as(nanjingOfficer))).isEmpty();
        assertThatThrownBy(() -> adjudication.docket(id, false, SimplifiedEligibility.none(), as(nanjingOfficer)))
                .isInstanceOf(CaseNotFound.class);
        assertThat(lists.list(CaseFilter.none(), nanjingOfficer.jurisdiction())).noneMatch(s -> s.id() == id);
        // the provincial office above sees it, but does not handle it
        assertThat(adjudication.find(id, as(provincialDirector))).isPresent();
        assertThatThrownBy(() -> adjudication.docket(id, false, SimplifiedEligibility.none(), as(provincialDirector)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void suspensionStopsTheClockAndExtensionsStopAtSixMonths() {
        TODAY.set(LocalDate.of(2026, 11, 2));
        long id = adjudication.file(request(patent("202320222222")), as(requester)).id();
        adjudication.docket(id, false, SimplifiedEligibility.none(), as(officer));
        // art. 37: 3 months from Monday 2 November 2026: Tuesday 2 February 2027 (a year the calendar may not
        // know yet: then weekends alone are skipped, and the period says so)
        RunningPeriod limit = period(id, officer, Period.CASE_TIME_LIMIT);
        assertThat(limit.end()).isEqualTo(LocalDate.of(2027, 2, 2));

        TODAY.set(LocalDate.of(2026, 11, 10));
        adjudication.suspend(id, SuspensionGround.INVALIDATION_ACCEPTED, "无效宣告请求已受理", as(officer));
        assertThat(period(id, officer, Period.CASE_TIME_LIMIT).state()).isEqualTo(RunningPeriod.State.STOPPED);
        TODAY.set(LocalDate.of(2026, 11, 20));
        adjudication.resume(id, as(officer));
        RunningPeriod resumed = period(id, officer, Period.CASE_TIME_LIMIT);
        assertThat(resumed.addedBackDays()).isEqualTo(10);
        assertThat(resumed.end()).isEqualTo(LocalDate.of(2027, 2, 12));

        adjudication.requestExtension(id, ExtensionLevel.OFFICE_HEAD, "案情复杂", as(officer));
        long first = lists.pendingExtensions(director).get(0).id();
        adjudication.decideExtension(id, first, true, "", as(director));
        adjudication.requestExtension(id, ExtensionLevel.HIGHER_OFFICE, "特别复杂，需技术鉴定", as(officer));
        // the next-higher office approves, in its own queue
        assertThat(lists.pendingExtensions(director)).isEmpty();
        long second = lists.pendingExtensions(provincialDirector).get(0).id();
        assertThatThrownBy(() -> adjudication.decideExtension(id, second, true, "", as(director)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        adjudication.decideExtension(id, second, true, "同意", as(provincialDirector));
        RunningPeriod extended = period(id, officer, Period.CASE_TIME_LIMIT);
        assertThat(extended.end()).isAfterOrEqualTo(LocalDate.of(2027, 5, 12));
        assertThatThrownBy(() -> adjudication.requestExtension(id, ExtensionLevel.HIGHER_OFFICE, "再延长", as(officer)))
                .isInstanceOf(CaseRefused.class);
    }

    @Test
    void aHolidayAddedToTheCalendarMovesAnOpenDeadline() {
        TODAY.set(LocalDate.of(2026, 11, 16));
        long id = adjudication.file(request(patent("202320333333")), as(requester)).id();
        // 5 working days from Monday 16 November: Monday 23 November
        assertThat(period(id, officer, Period.ACCEPTANCE_REVIEW).end()).isEqualTo(LocalDate.of(2026, 11, 23));
        overrides.put(LocalDate.of(2026, 11, 18), CalendarOverride.Kind.HOLIDAY, "test holiday", "test", "test");
        try {
            assertThat(period(id, officer, Period.ACCEPTANCE_REVIEW).end()).isEqualTo(LocalDate.of(2026, 11, 24));
        }
        finally {
            overrides.remove(LocalDate.of(2026, 11, 18), "test");
        }
    }

    @Test
    void myWorkListsCasesByNearestDeadlineAndEscalatesOverdueOnesToTheChief() {
        TODAY.set(LocalDate.of(2026, 8, 3));
        long late = adjudication.file(request(patent("202320666666")), as(requester)).id();
        long docketed = adjudication.file(request(patent("202320666677")), as(requester)).id();
        adjudication.docket(docketed, false, SimplifiedEligibility.none(), as(officer));
        TODAY.set(LocalDate.of(2026, 8, 17));
        // the acceptance review of the first ended on Monday 10 August; the second awaits service since 10 August
        List<CaseSummary> chiefs = lists.myWork(as(chief));
        assertThat(chiefs).filteredOn(s -> s.id() == late).singleElement()
                .satisfies(s -> assertThat(s.overdue()).isTrue())
                .satisfies(s -> assertThat(s.nextPeriod()).isEqualTo(Period.ACCEPTANCE_REVIEW));
        List<CaseSummary> officers = lists.myWork(as(officer));
        assertThat(officers).extracting(CaseSummary::id).contains(late, docketed);
        assertThat(officers).extracting(CaseSummary::nextDeadline).isSortedAccordingTo(
                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));
        // someone else's docketed case that is not overdue is not the chief's work
        assertThat(chiefs).filteredOn(s -> s.id() == docketed).allMatch(CaseSummary::overdue);
        adjudication.withdraw(late, "", as(requester));
        adjudication.withdraw(docketed, "", as(requester));
    }

    @Test
    void theSimplifiedProcedureNeedsTheProvincesRuleAndAnEligibleCase() {
        TODAY.set(LocalDate.of(2026, 11, 2));
        long id = adjudication.file(request(patent("202310777777")), as(requester)).id();
        jdbc.sql("delete from simplified_procedure").update();
        SimplifiedEligibility eligible = new SimplifiedEligibility(true, true, true, false);
        assertThatThrownBy(() -> adjudication.docket(id, true, eligible, as(officer))).isInstanceOf(CaseRefused.class)
                .extracting(e -> ((CaseRefused) e).messageCode()).isEqualTo("adjudication.simplified.not-configured");
        assertThatThrownBy(() -> adjudication.setSimplifiedProcedure(30, "浙江省专利纠纷简易程序规定第五条", as(director)))
                .isInstanceOf(CaseRefused.class);
        adjudication.setSimplifiedProcedure(30, "浙江省专利纠纷简易程序规定第五条", as(provincialDirector));
        assertThatThrownBy(() -> adjudication.docket(id, true, new SimplifiedEligibility(true, false, true, false),
                as(officer))).extracting(e -> ((CaseRefused) e).messageCode())
                .isEqualTo("adjudication.simplified.ownership-disputed");
        CaseView docketed = adjudication.docket(id, true, eligible, as(officer));
        assertThat(docketed.kind()).isEqualTo(CaseKind.SIMPLIFIED);
        // 30 days from Monday 2 November: Wednesday 2 December
        RunningPeriod limit = period(id, officer, Period.SIMPLIFIED_TIME_LIMIT);
        assertThat(limit.end()).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThatThrownBy(() -> adjudication.requestExtension(id, ExtensionLevel.OFFICE_HEAD, "复杂", as(officer)))
                .isInstanceOf(CaseRefused.class);
    }

    @Test
    void aCorrectedFileIsANewVersionAndTheFirstStaysAsItWas() {
        TODAY.set(LocalDate.of(2026, 11, 2));
        long id = adjudication.file(request(patent("202320888899")), as(requester)).id();
        CaseFileView first = adjudication.addFile(id, "EVIDENCE", "购买发票", new EvidenceUpload("invoice.pdf",
                "application/pdf", 10, "a".repeat(64)), as(requester));
        CaseFileView second = adjudication.addFile(id, "EVIDENCE", "购买发票（更正）", new EvidenceUpload("invoice-2.pdf",
                "application/pdf", 11, "b".repeat(64)), first.id(), as(requester));
        assertThat(second.supersedes()).isEqualTo(first.id());
        assertThat(adjudication.find(id, as(requester)).orElseThrow().files())
                .extracting(CaseFileView::sha256).contains("a".repeat(64), "b".repeat(64));
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'adjudication.file.receive' and detail->>'sha256' = :s")
                .param("s", "b".repeat(64)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aMemberWhoDeclaredATieWithAPartyCannotBeAssigned() {
        TODAY.set(LocalDate.of(2026, 11, 2));
        long id = adjudication.file(request(patent("202320444444")), as(requester)).id();
        adjudication.docket(id, false, SimplifiedEligibility.none(), as(officer));
        adjudication.declareConflict("", creditCode("91330106MA2B3C4D5"), "曾任其代理人", as(director));
        assertThatThrownBy(() -> adjudication.assign(id, director.accountId(), MemberRole.PANEL_MEMBER, as(officer)))
                .isInstanceOf(CaseRefused.class)
                .extracting(e -> ((CaseRefused) e).messageCode()).isEqualTo("adjudication.member.conflict");
    }

    @Test
    void mediationClosesTheCaseAndTracksJudicialConfirmation() {
        TODAY.set(LocalDate.of(2026, 11, 2));
        long id = adjudication.file(request(patent("202320555555")), as(requester)).id();
        adjudication.docket(id, false, SimplifiedEligibility.none(), as(officer));
        assertThatThrownBy(() -> adjudication.startMediation(id, true, false, as(officer)))
                .isInstanceOf(CaseRefused.class);
        adjudication.startMediation(id, true, true, as(officer));
        adjudication.mediationAgreed(id, "被请求人停止销售并赔偿5万元。", TODAY.get(), as(officer));
        adjudication.recordEnforceabilityRoute(id, "JUDICIAL_CONFIRMATION", "杭州市西湖区人民法院", TODAY.get(), "PENDING",
                null, as(officer));
        CaseView mediated = adjudication.find(id, as(officer)).orElseThrow();
        assertThat(mediated.status()).isEqualTo(CaseStatus.MEDIATED);
        assertThat(mediated.mediation().route()).isEqualTo("JUDICIAL_CONFIRMATION");
        assertThat(mediated.documents()).extracting(CaseDocumentView::kind).contains("MEDIATION_AGREEMENT");
        assertThat(mediated.periods()).filteredOn(p -> p.period() == Period.CASE_TIME_LIMIT)
                .allMatch(p -> p.state() == RunningPeriod.State.MET);
    }

    @Test
    void aRequestWithBadFieldsIsRefusedFieldByField() {
        TODAY.set(LocalDate.of(2026, 11, 2));
        FileRequest bad = new FileRequest(CaseKind.ORDINARY, hangzhou.id(), "ZL202320123456.0", "", "one", "", "",
                "320106", new PartyInput("", "", "", true, ""),
                List.of(new PartyInput("某公司", "地址", "91330106MA2B3C4D50", true, "")), null);
        assertThatThrownBy(() -> adjudication.file(bad, as(requester))).isInstanceOf(InvalidRequest.class)
                .extracting(e -> ((InvalidRequest) e).problems().stream().map(FieldProblem::field).toList())
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .contains("patentNumber", "claims", "facts", "requester.name", "respondents[0].creditCode", "officeId");
    }
}
