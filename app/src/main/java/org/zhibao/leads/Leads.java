package org.zhibao.leads;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhibao.audit.AuditLog;
import org.zhibao.identity.Role;
import org.zhibao.identity.ZhibaoUser;
import org.zhibao.office.OfficeFilter;
import org.zhibao.office.OfficeView;
import org.zhibao.office.Offices;
import org.zhibao.region.Jurisdiction;
import org.zhibao.region.Region;
import org.zhibao.region.RegionCode;
import org.zhibao.region.RegionLevel;
import org.zhibao.region.Regions;
import org.zhibao.screening.Rule;

/**
 * The precise management list: leads by filter within the official's jurisdiction, one lead whole, and
 * verification — confirm or dismiss with reasons by the office the lead is assigned to, hand-down with a
 * deadline by an office above it. Every decision is audited and kept in the lead's history; a confirmation
 * raises {@link AbnormalFilingConfirmed}.
 */
@Service
@Transactional
public class Leads {

    /** The list shows at most this many leads; the export writes up to {@link #EXPORT_LIMIT}. */
    public static final int PAGE_LIMIT = 500;
    public static final int EXPORT_LIMIT = 100_000;
    private static final int MAX_TEXT = 4000;

    private static final String SUMMARY_COLUMNS = """
            l.id, l.rule, l.score, l.applicant_name, l.applicant_code, l.agency, l.region_code, o.name as office_name,
            l.status, l.source, l.created_at, l.due_on, cardinality(l.subjects) as subject_count,
            l.subjects[1] as first_subject""";

    private final JdbcClient jdbc;
    private final Regions regions;
    private final Offices offices;
    private final LeadMaker maker;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Leads(JdbcClient jdbc, Regions regions, Offices offices, LeadMaker maker, AuditLog audit,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.offices = offices;
        this.maker = maker;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Leads within the jurisdiction matching the filter: highest score first, newest first among equals. */
    @Transactional(readOnly = true)
    public List<LeadSummary> list(LeadFilter filter, Jurisdiction jurisdiction, int limit) {
        StringBuilder sql = new StringBuilder("select " + SUMMARY_COLUMNS
                + " from lead l join office o on o.id = l.office_id where l.office_region like :scope || '%'");
        Map<String, Object> params = new HashMap<>(Map.of("scope", jurisdiction.codePrefix()));
        if (filter.rule() != null && !filter.rule().isBlank()) {
            sql.append(" and l.rule = :rule");
            params.put("rule", filter.rule());
        }
        if (filter.minScore() != null) {
            sql.append(" and l.score >= :minScore"); // reports have no score: a minimum leaves them out
            params.put("minScore", filter.minScore());
        }
        if (filter.region() != null && filter.region().matches("\\d{6}")) {
            sql.append(" and l.region_code like :region || '%'");
            params.put("region", RegionCode.of(filter.region()).prefix());
        }
        if (filter.applicant() != null && !filter.applicant().isBlank()) {
            sql.append(" and (l.applicant_name ilike :applicant or l.applicant_code = :applicantCode)");
            params.put("applicant", "%" + escapeLike(filter.applicant().strip()) + "%");
            params.put("applicantCode", filter.applicant().strip().toUpperCase(java.util.Locale.ROOT));
        }
        if (filter.agency() != null && !filter.agency().isBlank()) {
            sql.append(" and l.agency ilike :agency");
            params.put("agency", "%" + escapeLike(filter.agency().strip()) + "%");
        }
        if (filter.status() != null) {
            sql.append(" and l.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.source() != null) {
            sql.append(" and l.source = :source");
            params.put("source", filter.source().name());
        }
        if (filter.batchId() != null) {
            sql.append(" and l.batch_id = :batch");
            params.put("batch", filter.batchId());
        }
        if (filter.officeId() != null) {
            sql.append(" and l.office_id = :office");
            params.put("office", filter.officeId());
        }
        sql.append(" order by l.score desc nulls first, l.id desc limit :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query(this::summary).list();
    }

    /** An office's open leads and, of those handed down to it, how many are past their due date. */
    public record Workload(long open, long overdue) {
    }

    /** The open leads waiting at the user's own office, for the home page. */
    @Transactional(readOnly = true)
    public Workload workload(ZhibaoUser user) {
        if (!user.isOfficial() || user.officeId() == null) {
            return new Workload(0, 0);
        }
        return jdbc.sql("""
                select count(*), count(*) filter (where due_on < :today) from lead
                where office_id = :office and status = 'OPEN'""")
                .param("office", user.officeId()).param("today", LocalDate.now(clock))
                .query((rs, n) -> new Workload(rs.getLong(1), rs.getLong(2))).single();
    }

    /** One lead within the user's jurisdiction (officials), or of the user's own report (public users). */
    @Transactional(readOnly = true)
    public Optional<LeadView> find(long id, ZhibaoUser user) {
        if (!user.isOfficial() || user.jurisdiction() == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select l.*, o.name as office_name, h.name as handed_down_by_name from lead l
                join office o on o.id = l.office_id left join office h on h.id = l.handed_down_by
                where l.id = :id and l.office_region like :scope || '%'""")
                .param("id", id).param("scope", user.jurisdiction().codePrefix())
                .query((rs, n) -> view(rs, user)).optional();
    }

    /** The local office confirms the filings are abnormal, with its reasons and the legal basis. */
    public void confirm(long id, String reasons, String basis, ZhibaoUser user) {
        LeadView lead = decidable(id, user);
        String why = required(reasons, "leads.refused.reasons-required");
        String law = required(basis, "leads.refused.basis-required");
        Instant now = clock.instant();
        decide(lead, LeadStatus.CONFIRMED, why, law, user, now);
        events.publishEvent(new AbnormalFilingConfirmed(id, lead.rule(), lead.applicantName(), lead.applicantCode(),
                lead.subjects(), law, lead.officeId(), now));
    }

    /** The local office finds nothing abnormal, and says why. */
    public void dismiss(long id, String reasons, ZhibaoUser user) {
        LeadView lead = decidable(id, user);
        decide(lead, LeadStatus.DISMISSED, required(reasons, "leads.refused.reasons-required"), null, user, clock.instant());
    }

    /**
     * An office above the lead's hands it down (交办) to an office of its jurisdiction below it, with the day the
     * verification is due.
     */
    public void handDown(long id, long toOfficeId, LocalDate due, String note, ZhibaoUser user) {
        requireVerifier(user);
        LeadView lead = find(id, user).orElseThrow(LeadNotFound::new);
        if (lead.status() != LeadStatus.OPEN) {
            throw new LeadRefused("leads.refused.decided");
        }
        OfficeView own = offices.find(user.officeId()).orElseThrow();
        OfficeView to = offices.find(toOfficeId).orElseThrow(() -> new LeadRefused("leads.refused.no-office"));
        if (to.id() == own.id() || !user.jurisdiction().covers(to.regionCode())) {
            throw new LeadRefused("leads.refused.hand-down-below");
        }
        if (due == null || !due.isAfter(LocalDate.now(clock))) {
            throw new LeadRefused("leads.refused.due-in-future");
        }
        String cleanNote = note == null || note.isBlank() ? null : limit(note.strip());
        jdbc.sql("""
                update lead set office_id = :to, office_region = :toRegion, handed_down_by = :by,
                    handed_down_at = now(), due_on = :due, hand_down_note = :note where id = :id and status = 'OPEN'""")
                .param("to", to.id()).param("toRegion", to.regionCode().value()).param("by", own.id())
                .param("due", due).param("note", cleanNote).param("id", id).update();
        event(id, user, "handed-down", to.name() + " · " + due + (cleanNote == null ? "" : " · " + cleanNote));
        audit.recordForCurrentUser("leads.lead.hand-down", "lead/" + id, "ok",
                Map.of("from", String.valueOf(lead.officeId()), "to", String.valueOf(to.id()), "due", due.toString()));
    }

    /** The offices a user's office may hand leads down to: those of its jurisdiction below it. */
    @Transactional(readOnly = true)
    public List<OfficeView> handDownTargets(ZhibaoUser user) {
        if (!user.isOfficial() || user.jurisdiction() == null) {
            return List.of();
        }
        return offices.list(user.jurisdiction(), OfficeFilter.none()).stream()
                .filter(o -> !Long.valueOf(o.id()).equals(user.officeId())).toList();
    }

    /** Regions to filter by: the jurisdiction's own and the levels below it down to prefectures. */
    @Transactional(readOnly = true)
    public List<Region> filterRegions(Jurisdiction jurisdiction) {
        return regions.within(jurisdiction).stream().filter(r -> r.level() != RegionLevel.COUNTY
                || jurisdiction.root().level() != RegionLevel.NATIONAL).toList();
    }

    /** A report from the public (举报) about a filing: kept, and made a lead for the applicant's office. */
    public long report(NewReport report, ZhibaoUser user) {
        if (!user.has(Role.PUBLIC_USER)) {
            throw new AccessDeniedException("Reports are filed by registered members of the public");
        }
        Map<String, String> problems = report.problems();
        if (!problems.isEmpty()) {
            throw new ReportInvalid(problems);
        }
        long reportId = jdbc.sql("""
                insert into filing_report (reported_by, reporter_name, filing_kind, application_no, rule, applicant_name,
                    applicant_code, applicant_address, description)
                values (:by, :byName, :kind, :no, :rule, :name, :code, :address, :description) returning id""")
                .param("by", user.accountId()).param("byName", user.displayName()).param("kind", report.filingKind())
                .param("no", report.applicationNo().strip()).param("rule", report.rule())
                .param("name", report.applicantName().strip()).param("code", LeadMaker.nonBlank(report.applicantCode()).map(String::strip).orElse(null))
                .param("address", LeadMaker.nonBlank(report.applicantAddress()).map(String::strip).orElse(null))
                .param("description", report.description().strip()).query(Long.class).single();
        LeadMaker.Assignment to = maker.assign(report.applicantCode(), report.applicantAddress());
        long leadId = jdbc.sql("""
                insert into lead (source, report_id, rule, subjects, evidence, applicant_name, applicant_code,
                    region_code, office_id, office_region, status, reported_by)
                values ('REPORT', :report, :rule, :subjects, '{}'::jsonb, :name, :code, :region, :office, :officeRegion,
                    'OPEN', :by) returning id""")
                .param("report", reportId).param("rule", report.rule())
                .param("subjects", new String[] { report.applicationNo().strip() })
                .param("name", report.applicantName().strip())
                .param("code", LeadMaker.nonBlank(report.applicantCode()).map(String::strip).orElse(null))
                .param("region", to.region().value()).param("office", to.office().id())
                .param("officeRegion", to.office().regionCode().value()).param("by", user.accountId())
                .query(Long.class).single();
        jdbc.sql("insert into lead_event (lead_id, actor, office_id, action, note) values (:lead, :actor, :office, 'reported', null)")
                .param("lead", leadId).param("actor", user.displayName()).param("office", to.office().id()).update();
        audit.recordForCurrentUser("leads.report.file", "filing-report/" + reportId, "ok",
                Map.of("lead", String.valueOf(leadId), "applicationNo", report.applicationNo().strip(),
                        "rule", report.rule(), "office", String.valueOf(to.office().id())));
        return reportId;
    }

    /** A report as its reporter follows it. */
    public record MyReport(long id, String applicationNo, String rule, String applicantName, Instant createdAt,
            LeadStatus status) {
    }

    @Transactional(readOnly = true)
    public List<MyReport> myReports(ZhibaoUser user) {
        return jdbc.sql("""
                select r.id, r.application_no, r.rule, r.applicant_name, r.created_at, l.status from filing_report r
                join lead l on l.report_id = r.id where r.reported_by = :by order by r.id desc""")
                .param("by", user.accountId())
                .query((rs, n) -> new MyReport(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), LeadStatus.valueOf(rs.getString(6))))
                .list();
    }

    /** The rules a lead can be about, patents first. */
    public static List<Rule> rules() {
        return List.of(Rule.values());
    }

    private LeadView decidable(long id, ZhibaoUser user) {
        requireVerifier(user);
        LeadView lead = find(id, user).orElseThrow(LeadNotFound::new);
        if (lead.status() != LeadStatus.OPEN) {
            throw new LeadRefused("leads.refused.decided");
        }
        if (lead.officeId() != user.officeId()) {
            // a higher office sees the lead but the office it is assigned to decides it (the page offers no form)
            throw new AccessDeniedException("Lead " + id + " is verified by office " + lead.officeId());
        }
        return lead;
    }

    private void decide(LeadView lead, LeadStatus status, String reasons, String basis, ZhibaoUser user, Instant at) {
        int changed = jdbc.sql("""
                update lead set status = :status, reasons = :reasons, basis = :basis, decided_by = :by,
                    decided_at = :at where id = :id and status = 'OPEN'""")
                .param("status", status.name()).param("reasons", reasons).param("basis", basis)
                .param("by", user.displayName()).param("at", java.sql.Timestamp.from(at)).param("id", lead.id()).update();
        if (changed == 0) {
            throw new LeadRefused("leads.refused.decided");
        }
        event(lead.id(), user, status == LeadStatus.CONFIRMED ? "confirmed" : "dismissed",
                basis == null ? reasons : reasons + " · " + basis);
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("rule", lead.rule());
        detail.put("applicant", lead.applicantName());
        detail.put("reasons", reasons);
        if (basis != null) {
            detail.put("basis", basis);
        }
        audit.recordForCurrentUser("leads.lead." + (status == LeadStatus.CONFIRMED ? "confirm" : "dismiss"),
                "lead/" + lead.id(), "ok", detail);
    }

    private void event(long leadId, ZhibaoUser user, String action, String note) {
        jdbc.sql("insert into lead_event (lead_id, actor, office_id, action, note) values (:lead, :actor, :office, :action, :note)")
                .param("lead", leadId).param("actor", user.displayName()).param("office", user.officeId())
                .param("action", action).param("note", note).update();
    }

    private static void requireVerifier(ZhibaoUser user) {
        if (!user.isOfficial() || !(user.has(Role.OFFICER) || user.has(Role.DIVISION_CHIEF) || user.has(Role.DIRECTOR))) {
            throw new AccessDeniedException("Officers, chiefs and directors verify leads");
        }
    }

    private static String required(String text, String code) {
        if (text == null || text.isBlank()) {
            throw new LeadRefused(code);
        }
        return limit(text.strip());
    }

    private static String limit(String text) {
        if (text.length() > MAX_TEXT) {
            throw new LeadRefused("leads.refused.too-long", MAX_TEXT);
        }
        return text;
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private String regionName(String code) {
        return regions.fullName(RegionCode.of(code));
    }

    private LeadSummary summary(ResultSet rs, int n) throws SQLException {
        java.sql.Date due = rs.getDate("due_on");
        return new LeadSummary(rs.getLong("id"), rs.getString("rule"), rs.getObject("score") == null ? null
                : rs.getDouble("score"), rs.getString("applicant_name"), rs.getString("applicant_code"),
                rs.getString("agency"), rs.getString("region_code"), regionName(rs.getString("region_code")),
                rs.getString("office_name"), LeadStatus.valueOf(rs.getString("status")),
                LeadSource.valueOf(rs.getString("source")), rs.getTimestamp("created_at").toInstant(),
                due == null ? null : due.toLocalDate(), rs.getInt("subject_count"), rs.getString("first_subject"));
    }

    private LeadView view(ResultSet rs, ZhibaoUser user) throws SQLException {
        long id = rs.getLong("id");
        List<String> subjects = List.of((String[]) rs.getArray("subjects").getArray());
        Long batchId = rs.getObject("batch_id", Long.class);
        Map<String, String> filings = new LinkedHashMap<>();
        if (batchId != null) {
            jdbc.sql("select application_no, record::text from screened_filing where batch_id = :b and application_no = any(:nos)")
                    .param("b", batchId).param("nos", subjects.toArray(String[]::new))
                    .query((r, i) -> filings.put(r.getString(1), r.getString(2))).list();
        }
        List<LeadView.LeadEvent> history = new ArrayList<>(jdbc.sql("""
                select e.at, e.actor, o.name, e.action, e.note from lead_event e left join office o on o.id = e.office_id
                where e.lead_id = :id order by e.id""").param("id", id)
                .query((r, i) -> new LeadView.LeadEvent(r.getTimestamp(1).toInstant(), r.getString(2), r.getString(3),
                        r.getString(4), r.getString(5))).list());
        Long reportId = rs.getObject("report_id", Long.class);
        LeadView.ReportView report = reportId == null ? null : jdbc.sql("""
                select id, reporter_name, filing_kind, application_no, applicant_address, description, created_at
                from filing_report where id = :id""").param("id", reportId)
                .query((r, i) -> new LeadView.ReportView(r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
                        r.getString(5), r.getString(6), r.getTimestamp(7).toInstant())).single();
        LeadStatus status = LeadStatus.valueOf(rs.getString("status"));
        long officeId = rs.getLong("office_id");
        boolean verifier = user.has(Role.OFFICER) || user.has(Role.DIVISION_CHIEF) || user.has(Role.DIRECTOR);
        boolean open = status == LeadStatus.OPEN;
        java.sql.Date due = rs.getDate("due_on");
        return new LeadView(id, LeadSource.valueOf(rs.getString("source")), batchId, rs.getString("rule"),
                rs.getObject("score") == null ? null : rs.getDouble("score"), subjects, rs.getString("evidence"),
                filings, rs.getString("applicant_name"), rs.getString("applicant_code"), rs.getString("agency"),
                rs.getString("region_code"), regionName(rs.getString("region_code")), officeId, rs.getString("office_name"),
                status, rs.getString("handed_down_by_name"), instant(rs, "handed_down_at"),
                due == null ? null : due.toLocalDate(), rs.getString("hand_down_note"), rs.getString("decided_by"),
                instant(rs, "decided_at"), rs.getString("reasons"), rs.getString("basis"),
                rs.getTimestamp("created_at").toInstant(), history, report,
                open && verifier && user.officeId() != null && user.officeId() == officeId,
                open && verifier && user.officeId() != null && user.officeId() != officeId);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
