package org.zhibao.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.zhibao.IntegrationTest;
import org.zhibao.TestUsers;
import org.zhibao.identity.Accounts;
import org.zhibao.identity.Role;
import org.zhibao.identity.ZhibaoUser;
import org.zhibao.office.OfficeView;
import org.zhibao.office.Offices;
import org.zhibao.region.RegionCode;

/**
 * A batch from import to verified leads, through the services on the real database and engine: the background
 * run, the assignment to the applicant's office, who sees and decides what, hand-down, reports, the event.
 */
@IntegrationTest
@RecordApplicationEvents
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeadsIntegrationTests {

    @Autowired
    ScreeningBatches batches;
    @Autowired
    Leads leads;
    @Autowired
    Accounts accounts;
    @Autowired
    Offices offices;
    @Autowired
    JdbcClient jdbc;

    ZhibaoUser national;
    ZhibaoUser zhejiang;
    ZhibaoUser hangzhou;
    ZhibaoUser xihu;
    ZhibaoUser nanjing;
    long batchId;

    @BeforeAll
    void importOnce(@TempDir Path dir) throws Exception {
        national = LeadFixtures.official(accounts, "lead.national", "国家局 核查员", office("000000"), Role.OFFICER);
        zhejiang = LeadFixtures.official(accounts, "lead.zj", "浙江 核查员", office("330000"), Role.OFFICER);
        hangzhou = LeadFixtures.official(accounts, "lead.hz", "杭州 核查员", office("330100"), Role.OFFICER);
        xihu = LeadFixtures.official(accounts, "lead.xihu", "西湖 核查员", office("330106"), Role.OFFICER);
        nanjing = LeadFixtures.official(accounts, "lead.nj", "南京 核查员", office("320100"), Role.OFFICER);
        Path file = LeadFixtures.patents(dir, 800, 5);
        try (InputStream in = Files.newInputStream(file)) {
            batchId = batches.importUpload(BatchKind.PATENTS, "day-1.jsonl", in, as(national));
        }
        awaitEnd(batchId);
        SecurityContextHolder.clearContext();
    }

    private BatchView awaitEnd(long id) throws InterruptedException {
        return LeadFixtures.awaitEnd(batches, id, national);
    }

    private OfficeView office(String region) {
        return offices.findByRegion(RegionCode.of(region)).orElseThrow();
    }

    private ZhibaoUser as(ZhibaoUser user) {
        SecurityContextHolder.getContext().setAuthentication(TestUsers.authentication(user));
        return user;
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private LeadSummary copyLead() {
        return leads.list(new LeadFilter("P1_DUPLICATE", null, null, "西湖智算", null, null, null, batchId),
                national.jurisdiction(), 10).get(0);
    }

    @Test
    void screensTheBatchInTheBackgroundAndMakesALeadOfEveryFinding() {
        BatchView b = batches.find(batchId, national.jurisdiction()).orElseThrow();
        assertThat(b.status()).isEqualTo(BatchStatus.DONE);
        assertThat(b.lines()).isEqualTo(803);
        assertThat(b.findings()).isPositive();
        assertThat(b.leads()).isEqualTo(b.findings());
        assertThat(b.percent()).isEqualTo(100);
        // the bad line is reported with its number; the rest was screened
        assertThat(b.badLineCount()).isEqualTo(1);
        assertThat(b.badLines()).extracting(BatchView.BadLineView::line).containsExactly(803L);
        assertThat(batches.findingsByRule(batchId, national.jurisdiction())).containsKeys("P1_DUPLICATE", "P6_SPLIT");
        assertThat(jdbc.sql("select count(*) from screening_finding where batch_id = :b and lead_id is null")
                .param("b", batchId).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'leads.batch.import'").query(Long.class)
                .single()).isPositive();
    }

    @Test
    void assignsALeadToTheOfficeOfTheRegionTheApplicantsCreditCodeNames() {
        LeadSummary lead = copyLead();
        // the later-filed copy decides whose lead it is; its credit code (Xihu) outweighs its Shanghai address
        assertThat(lead.applicantCode()).isEqualTo(LeadFixtures.XIHU_CODE);
        assertThat(lead.regionCode()).isEqualTo("330106");
        assertThat(lead.officeName()).isEqualTo(office("330106").name());
        LeadView view = leads.find(lead.id(), xihu).orElseThrow();
        assertThat(view.subjects()).contains(LeadFixtures.COPY_1, LeadFixtures.COPY_2);
        // the texts are kept for the side-by-side view
        assertThat(view.filingsJson()).containsKeys(LeadFixtures.COPY_1, LeadFixtures.COPY_2);
    }

    @Test
    void officialsSeeTheLeadsOfTheirJurisdictionOnly() {
        long id = copyLead().id();
        assertThat(leads.find(id, hangzhou)).isPresent();
        assertThat(leads.find(id, zhejiang)).isPresent();
        assertThat(leads.find(id, nanjing)).isEmpty();
        assertThat(leads.list(LeadFilter.none(), nanjing.jurisdiction(), 1000))
                .allSatisfy(l -> assertThat(l.regionCode()).startsWith("32"));
        assertThat(leads.list(LeadFilter.none(), zhejiang.jurisdiction(), 1000)).extracting(LeadSummary::id).contains(id);
        // and an outside office cannot act on it either
        assertThatThrownBy(() -> leads.dismiss(id, "不属实", as(nanjing))).isInstanceOf(LeadNotFound.class);
    }

    @Test
    void filtersByRuleScoreRegionApplicantAndAgency() {
        List<LeadSummary> all = leads.list(LeadFilter.none(), national.jurisdiction(), 10_000);
        assertThat(all).extracting(LeadSummary::rule).contains("P1_DUPLICATE", "P6_SPLIT");
        assertThat(leads.list(new LeadFilter("P6_SPLIT", null, null, null, null, null, null, null), national.jurisdiction(),
                10_000)).isNotEmpty().allSatisfy(l -> assertThat(l.rule()).isEqualTo("P6_SPLIT"));
        assertThat(leads.list(new LeadFilter(null, 0.9, null, null, null, null, null, null), national.jurisdiction(), 10_000))
                .allSatisfy(l -> assertThat(l.score()).isGreaterThanOrEqualTo(0.9));
        assertThat(leads.list(new LeadFilter(null, null, "330000", null, null, null, null, null), national.jurisdiction(),
                10_000)).isNotEmpty().allSatisfy(l -> assertThat(l.regionCode()).startsWith("33"));
        LeadSummary withAgency = all.stream().filter(l -> l.agency() != null).findFirst().orElseThrow();
        assertThat(leads.list(new LeadFilter(null, null, null, null, withAgency.agency(), null, null, null),
                national.jurisdiction(), 10_000)).isNotEmpty().allSatisfy(l -> assertThat(l.agency()).isEqualTo(withAgency.agency()));
        assertThat(leads.list(new LeadFilter(null, null, null, LeadFixtures.XIHU_CODE, null, null, null, null),
                national.jurisdiction(), 10)).extracting(LeadSummary::applicantCode).containsOnly(LeadFixtures.XIHU_CODE);
    }

    @Test
    void theAssignedOfficeConfirmsWithReasonsAndBasisAndCreditSupervisionHearsOfIt(ApplicationEvents events) {
        long id = copyLead().id();
        // a higher office sees it but does not decide it
        assertThatThrownBy(() -> leads.confirm(id, "重复申请", "第三条第（一）项", as(hangzhou)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> leads.confirm(id, " ", "第三条第（一）项", as(xihu)))
                .isInstanceOf(LeadRefused.class).extracting(e -> ((LeadRefused) e).messageCode())
                .isEqualTo("leads.refused.reasons-required");
        assertThatThrownBy(() -> leads.confirm(id, "重复申请", "", as(xihu)))
                .isInstanceOf(LeadRefused.class).extracting(e -> ((LeadRefused) e).messageCode())
                .isEqualTo("leads.refused.basis-required");

        leads.confirm(id, "两件申请与在先申请实质相同，仅替换个别词语", "《规范申请专利行为的规定》第三条第（一）项", as(xihu));

        LeadView done = leads.find(id, xihu).orElseThrow();
        assertThat(done.status()).isEqualTo(LeadStatus.CONFIRMED);
        assertThat(done.decidedBy()).isEqualTo("西湖 核查员");
        assertThat(done.history()).extracting(LeadView.LeadEvent::action).containsSubsequence("created", "confirmed");
        assertThat(events.stream(AbnormalFilingConfirmed.class)).singleElement().satisfies(e -> {
            assertThat(e.leadId()).isEqualTo(id);
            assertThat(e.rule()).isEqualTo("P1_DUPLICATE");
            assertThat(e.applicantCreditCode()).isEqualTo(LeadFixtures.XIHU_CODE);
            assertThat(e.applicationNumbers()).contains(LeadFixtures.COPY_2);
            assertThat(e.basis()).contains("第三条");
        });
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'leads.lead.confirm' and object = :o")
                .param("o", "lead/" + id).query(Long.class).single()).isEqualTo(1);
        // a decision is final
        assertThatThrownBy(() -> leads.dismiss(id, "改判", as(xihu))).isInstanceOf(LeadRefused.class);
    }

    @Test
    void aHigherOfficeHandsALeadDownWithADeadline() {
        LeadSummary atNational = leads.list(new LeadFilter(null, null, null, null, null, LeadStatus.OPEN, null, batchId),
                national.jurisdiction(), 10_000).stream().filter(l -> l.officeName().equals(office("000000").name()))
                .findFirst().orElseThrow(() -> new AssertionError("no lead left at the national office"));
        long id = atNational.id();
        OfficeView zj = office("330000");
        assertThatThrownBy(() -> leads.handDown(id, zj.id(), LocalDate.now().minusDays(1), null, as(national)))
                .isInstanceOf(LeadRefused.class).extracting(e -> ((LeadRefused) e).messageCode())
                .isEqualTo("leads.refused.due-in-future");
        assertThatThrownBy(() -> leads.handDown(id, office("000000").id(), LocalDate.now().plusDays(30), null, as(national)))
                .isInstanceOf(LeadRefused.class).extracting(e -> ((LeadRefused) e).messageCode())
                .isEqualTo("leads.refused.hand-down-below");
        // nobody below the lead's office may act on it
        assertThatThrownBy(() -> leads.handDown(id, office("330100").id(), LocalDate.now().plusDays(30), null, as(zhejiang)))
                .isInstanceOf(LeadNotFound.class);

        LocalDate due = LocalDate.now().plusDays(30);
        leads.handDown(id, zj.id(), due, "请于期限内核查并报送结果", as(national));

        LeadView handed = leads.find(id, zhejiang).orElseThrow();
        assertThat(handed.officeName()).isEqualTo(zj.name());
        assertThat(handed.dueOn()).isEqualTo(due);
        assertThat(handed.handedDownByName()).isEqualTo(office("000000").name());
        assertThat(handed.mayDecide()).isTrue();
        assertThat(leads.find(id, national).orElseThrow().mayDecide()).isFalse();
        assertThat(leads.find(id, national).orElseThrow().mayHandDown()).isTrue();
        // the provincial office may hand it further down, within its own jurisdiction only
        assertThatThrownBy(() -> leads.handDown(id, office("320100").id(), due, null, as(zhejiang)))
                .isInstanceOf(LeadRefused.class);
        // the province's own work: the list of its office, and the lead overdue once its day has passed
        assertThat(leads.list(new LeadFilter(null, null, null, null, null, LeadStatus.OPEN, null, null, zj.id()),
                zhejiang.jurisdiction(), 1000)).extracting(LeadSummary::id).contains(id)
                .allSatisfy(l -> assertThat(leads.find(l, zhejiang).orElseThrow().officeId()).isEqualTo(zj.id()));
        assertThat(leads.workload(zhejiang).overdue()).isZero();
        jdbc.sql("update lead set due_on = current_date - 1 where id = :id").param("id", id).update();
        assertThat(leads.workload(zhejiang).overdue()).isEqualTo(1);
        assertThat(leads.find(id, zhejiang).orElseThrow().overdue(LocalDate.now())).isTrue();
        leads.dismiss(id, "经核查，申请人确有研发活动，不属于分散提交", as(zhejiang));
        assertThat(leads.workload(zhejiang).overdue()).isZero();
        assertThat(leads.find(id, national).orElseThrow().status()).isEqualTo(LeadStatus.DISMISSED);
    }

    @Test
    void aReportFromThePublicBecomesALeadOfTheApplicantsOffice() {
        ZhibaoUser reporter = LeadFixtures.publicUser(accounts, "reporter@example.com", "热心群众");
        NewReport bad = new NewReport("PATENT", "", "T_SQUAT", "", "123", "", "短");
        assertThatThrownBy(() -> leads.report(bad, as(reporter))).isInstanceOf(ReportInvalid.class)
                .extracting(e -> ((ReportInvalid) e).problems().keySet()).asInstanceOf(
                        org.assertj.core.api.InstanceOfAssertFactories.collection(String.class))
                .containsExactlyInAnyOrder("applicationNo", "rule", "applicantName", "applicantCode", "description");

        long reportId = leads.report(new NewReport("PATENT", "CN202410000001.X", "P1_DUPLICATE", "宁波某某科技有限公司", "",
                "浙江省宁波市鄞州区天童南路1号", "该公司近期提交的十余件申请内容基本相同，只改了标题。"), as(reporter));
        assertThat(reportId).isPositive();
        LeadSummary lead = leads.list(new LeadFilter(null, null, null, "宁波某某", null, null, LeadSource.REPORT, null),
                national.jurisdiction(), 10).get(0);
        assertThat(lead.officeName()).isEqualTo(office("330212").name());
        assertThat(leads.find(lead.id(), xihu)).isEmpty();
        assertThat(leads.myReports(reporter)).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(LeadStatus.OPEN));
        // officials do not file reports
        assertThatThrownBy(() -> leads.report(new NewReport("PATENT", "CN1", "P1_DUPLICATE", "x", "", "", "0123456789"),
                as(xihu))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void onlyTheNationalAndProvincialOfficesImport() {
        assertThat(ScreeningBatches.mayImport(national)).isTrue();
        assertThat(ScreeningBatches.mayImport(zhejiang)).isTrue();
        assertThat(ScreeningBatches.mayImport(hangzhou)).isFalse();
        assertThatThrownBy(() -> batches.importUpload(BatchKind.PATENTS, "x.jsonl", InputStream.nullInputStream(), as(hangzhou)))
                .isInstanceOf(AccessDeniedException.class);
        // a file that is no JSON lines at all is refused before anything is queued
        assertThatThrownBy(() -> batches.importUpload(BatchKind.PATENTS, "x.pdf",
                new java.io.ByteArrayInputStream("%PDF-1.7\nbinary".getBytes()), as(national)))
                .isInstanceOf(LeadRefused.class).extracting(e -> ((LeadRefused) e).messageCode())
                .isEqualTo("leads.refused.not-jsonl");
    }
}
