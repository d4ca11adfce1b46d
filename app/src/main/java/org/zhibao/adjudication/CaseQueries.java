package org.zhibao.adjudication;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.zhibao.adjudication.AdjudicationCase.CaseParty;
import org.zhibao.calendar.Deadlines;
import org.zhibao.office.OfficeView;
import org.zhibao.office.Offices;
import org.zhibao.region.Jurisdiction;
import org.zhibao.region.RegionCode;
import org.zhibao.region.Regions;

/** What pages and the API read: one case as a viewer sees it, lists, work queues, published decisions. */
@Component
class CaseQueries {

    static final int LIST_LIMIT = 500;

    private final JdbcClient jdbc;
    private final CaseRepository cases;
    private final Offices offices;
    private final Regions regions;
    private final Deadlines deadlines;

    CaseQueries(JdbcClient jdbc, CaseRepository cases, Offices offices, Regions regions, Deadlines deadlines) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.offices = offices;
        this.regions = regions;
        this.deadlines = deadlines;
    }

    CaseView view(AdjudicationCase c, ProcedureRules rules, Optional<PartyRole> viewer, LocalDate today) {
        boolean official = viewer.isEmpty();
        String servedColumn = viewer.map(r -> r == PartyRole.REQUESTER ? "served_to_requester" : "served_to_respondent")
                .orElse("true");
        List<CaseFileView> files = jdbc.sql("select * from case_file where case_id = :id and " + servedColumn + " order by id")
                .param("id", c.id).query(this::mapFile).list();
        List<CaseDocumentView> documents = jdbc.sql(
                "select * from case_document where case_id = :id and " + servedColumn + " order by id")
                .param("id", c.id).query((rs, n) -> new CaseDocumentView(rs.getLong("id"), rs.getString("kind"),
                        rs.getString("file_name"), rs.getString("sha256"), rs.getLong("size_bytes"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("created_by"),
                        rs.getBoolean("served_to_requester"), rs.getBoolean("served_to_respondent"))).list();
        List<CaseView.AftermathView> aftermath = jdbc.sql("select * from case_aftermath where case_id = :id order by happened_on, id")
                .param("id", c.id).query((rs, n) -> new CaseView.AftermathView(rs.getString("kind"),
                        rs.getObject("happened_on", LocalDate.class), rs.getString("by_whom"), rs.getString("detail"),
                        rs.getString("recorded_by"))).list();
        String officeName = offices.find(c.officeId).map(OfficeView::name).orElse("");
        String place = regions.exists(RegionCode.of(c.infringementRegion))
                ? regions.fullName(RegionCode.of(c.infringementRegion)) : c.infringementRegion;
        AdjudicationCase.Mediation m = c.mediation;
        return new CaseView(c.id, c.caseNumber, c.title, c.kind, c.status, c.rules, c.officeId, officeName,
                c.officeRegion, c.patentNumber, c.patentKind, c.patentTitle, c.claims, c.facts, c.requestedOrders,
                c.infringementRegion, place, c.filedAt, c.receivedOn, c.reviewExtended, c.correctionDue,
                c.correctionItems, c.docketedOn, c.servedOn, c.answerReceivedOn, c.answerForwardedOn,
                c.hearingNoticedOn, c.hearingAt, c.hearingPlace, c.heardOn, c.decidedOn, c.decisionOutcome,
                official || c.decisionServedOn != null || c.status == CaseStatus.DECIDED ? c.decisionText : null,
                c.decisionServedOn, c.publishedOn, c.closedOn, c.closeReason, c.simplifiedLimitDays,
                c.genericPublishedOn,
                c.parties.stream().map(p -> new CaseView.Party(p.id(), p.role(), p.name(), p.address(),
                        p.creditCode(), p.domicileInChina(), p.agent(), p.accountId() != null, p.servedOn(),
                        p.receivedOn())).toList(),
                c.members.stream().map(x -> new CaseView.Member(x.id(), x.accountId(), x.displayName(), x.role(),
                        x.assignedOn(), x.removedOn(), x.removedReason())).toList(),
                CasePeriods.of(c, rules, deadlines, today),
                official ? cases.events(c.id) : List.of(),
                files, documents,
                official ? c.extensions.stream().map(e -> new CaseView.ExtensionView(e.id(), e.level(), e.months(),
                        e.reasons(), e.requestedBy(), e.requestedOn(), e.approvingOffice(), e.decidedBy(),
                        e.decidedOn(), e.approved(), e.decisionReasons())).toList() : List.of(),
                c.stops.stream().map(s -> new CaseView.StopView(s.id(), s.reason(), official ? s.grounds() : "",
                        s.startedOn(), s.endedOn())).toList(),
                m == null ? null : new CaseView.MediationView(m.startedOn(), m.endedOn(), m.outcome(),
                        m.agreementTerms(), m.signedByPartiesOn(), m.sealedOn(), m.route(), m.routeCourt(),
                        m.routeFiledOn(), m.routeResult(), m.routeResultOn()),
                aftermath, viewer);
    }

    Optional<CaseFileView> file(long id) {
        return jdbc.sql("select * from case_file where id = :id").param("id", id).query(this::mapFile).optional();
    }

    /** Recusal applications waiting for the office head. */
    List<RecusalView> pendingRecusals(long caseId) {
        return jdbc.sql("""
                select r.id, r.member_id, m.display_name, r.applied_by, r.grounds, r.applied_on
                from case_recusal r join case_member m on m.id = r.member_id
                where r.case_id = :id and r.decided_on is null order by r.id""")
                .param("id", caseId).query((rs, n) -> new RecusalView(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class))).list();
    }

    List<CaseSummary> list(CaseFilter filter, Jurisdiction jurisdiction) {
        StringBuilder sql = new StringBuilder("""
                select c.id from adjudication_case c
                where c.office_region like :prefix || '%'""");
        if (filter.status() != null) {
            sql.append(" and c.status = :status");
        }
        if (filter.kind() != null) {
            sql.append(" and c.kind = :kind");
        }
        if (filter.officeId() != null) {
            sql.append(" and c.office_id = :office");
        }
        if (filter.receivedFrom() != null) {
            sql.append(" and c.received_on >= :from");
        }
        if (filter.receivedTo() != null) {
            sql.append(" and c.received_on <= :to");
        }
        if (blank(filter.party()) == null) {
            // nothing
        }
        else {
            sql.append(" and exists (select 1 from case_party p where p.case_id = c.id and (p.name ilike '%' || :party || '%' or p.credit_code = upper(:party)))");
        }
        if (blank(filter.patentNumber()) != null) {
            sql.append(" and replace(c.patent_number, '.', '') ilike '%' || replace(:patent, '.', '') || '%'");
        }
        if (blank(filter.text()) != null) {
            sql.append(" and (c.title ilike '%' || :text || '%' or c.case_number ilike '%' || :text || '%'"
                    + " or exists (select 1 from case_party p where p.case_id = c.id and p.name ilike '%' || :text || '%'))");
        }
        sql.append(" order by c.received_on desc, c.id desc limit ").append(LIST_LIMIT);
        var statement = jdbc.sql(sql.toString()).param("prefix", jurisdiction.codePrefix());
        if (filter.status() != null) {
            statement = statement.param("status", filter.status().name());
        }
        if (filter.kind() != null) {
            statement = statement.param("kind", filter.kind().name());
        }
        if (filter.officeId() != null) {
            statement = statement.param("office", filter.officeId());
        }
        if (filter.receivedFrom() != null) {
            statement = statement.param("from", filter.receivedFrom());
        }
        if (filter.receivedTo() != null) {
            statement = statement.param("to", filter.receivedTo());
        }
        if (blank(filter.party()) != null) {
            statement = statement.param("party", like(filter.party()));
        }
        if (blank(filter.patentNumber()) != null) {
            statement = statement.param("patent", like(filter.patentNumber()));
        }
        if (blank(filter.text()) != null) {
            statement = statement.param("text", like(filter.text()));
        }
        List<Long> ids = statement.query(Long.class).list();
        return summaries(ids, null);
    }

    /**
     * An official's open cases by nearest deadline: those they handle or sit on; for a division chief or
     * director also every case of their office with a period the office let pass (escalated).
     */
    List<CaseSummary> myWork(long accountId, long officeId, boolean escalations, LocalDate today) {
        List<Long> own = jdbc.sql("""
                select distinct c.id from adjudication_case c
                left join case_member m on m.case_id = c.id and m.removed_on is null
                where c.office_id = :office and c.status in ('SUBMITTED', 'CORRECTION_REQUESTED', 'DOCKETED',
                    'SUSPENDED', 'IN_MEDIATION', 'DECIDED')
                  and (m.account_id = :account or (c.handling_officer_id is null and c.status in ('SUBMITTED', 'CORRECTION_REQUESTED'))
                       or :escalations)""")
                .param("office", officeId).param("account", accountId).param("escalations", escalations)
                .query(Long.class).list();
        List<CaseSummary> rows = summaries(own, today);
        if (escalations) {
            // a chief sees the office's overdue cases, and its own ones
            List<Long> mine = jdbc.sql("select case_id from case_member where account_id = :a and removed_on is null")
                    .param("a", accountId).query(Long.class).list();
            rows = rows.stream().filter(r -> r.overdue() || mine.contains(r.id())
                    || r.status() == CaseStatus.SUBMITTED || r.status() == CaseStatus.CORRECTION_REQUESTED).toList();
        }
        return rows.stream().filter(r -> r.nextDeadline() != null || r.status() != CaseStatus.DECIDED)
                .sorted(Comparator.comparing(CaseSummary::nextDeadline, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    /** Extension requests waiting for an office's head. */
    List<ExtensionRequest> pendingExtensions(long officeId) {
        return jdbc.sql("""
                select e.id, e.case_id, c.case_number, c.title, o.name, e.level, e.months, e.reasons, e.requested_by,
                    e.requested_on
                from case_extension e join adjudication_case c on c.id = e.case_id join office o on o.id = c.office_id
                where e.approving_office = :office and e.decided_on is null order by e.requested_on, e.id""")
                .param("office", officeId).query((rs, n) -> new ExtensionRequest(rs.getLong(1), rs.getLong(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), ExtensionLevel.valueOf(rs.getString(6)),
                        rs.getInt(7), rs.getString(8), rs.getString(9), rs.getObject(10, LocalDate.class))).list();
    }

    /** A public user's own cases, as requester or respondent. */
    List<CaseSummary> partyCases(long accountId) {
        List<Long> ids = jdbc.sql("""
                select c.id from adjudication_case c where c.filed_by = :a
                union select p.case_id from case_party p where p.account_id = :a order by 1 desc""")
                .param("a", accountId).query(Long.class).list();
        return summaries(ids, null);
    }

    List<PublishedDecision> published(String text) {
        String q = blank(text) == null ? null : like(text);
        return jdbc.sql("""
                select c.id, c.case_number, o.name, c.patent_number, c.decided_on, c.published_on, c.decision_outcome,
                    c.published_text
                from adjudication_case c join office o on o.id = c.office_id
                where c.published_on is not null
                  and (cast(:q as text) is null or c.case_number ilike '%' || :q || '%' or c.published_text ilike '%' || :q || '%')
                order by c.published_on desc, c.id desc limit 200""")
                .param("q", q, Types.VARCHAR)
                .query((rs, n) -> new PublishedDecision(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class),
                        rs.getString(7), rs.getString(8))).list();
    }

    private List<CaseSummary> summaries(List<Long> ids, LocalDate today) {
        List<CaseSummary> rows = new ArrayList<>();
        for (long id : ids) {
            cases.find(id).ifPresent(c -> rows.add(summary(c, today)));
        }
        return rows;
    }

    private CaseSummary summary(AdjudicationCase c, LocalDate today) {
        LocalDate next = null;
        Period nextPeriod = null;
        boolean overdue = false;
        if (today != null) {
            ProcedureRules rules = ProcedureRules.named(c.rules);
            for (RunningPeriod p : CasePeriods.of(c, rules, deadlines, today)) {
                if (p.awaitsOffice() && p.end() != null && (next == null || p.end().isBefore(next))) {
                    next = p.end();
                    nextPeriod = p.period();
                }
                overdue |= p.state() == RunningPeriod.State.OVERDUE && p.period().awaitsOffice();
            }
        }
        String officer = c.activeMembers().stream().filter(m -> m.role().sitsOnPanel())
                .map(AdjudicationCase.CaseMember::displayName).findFirst().orElse(null);
        return new CaseSummary(c.id, c.caseNumber, c.title, c.kind, c.status, c.officeId,
                offices.find(c.officeId).map(OfficeView::name).orElse(""), c.requester().name(),
                String.join(", ", c.respondents().stream().map(CaseParty::name).toList()), c.patentNumber,
                c.receivedOn, c.docketedOn, officer, next, nextPeriod, overdue);
    }

    private CaseFileView mapFile(ResultSet rs, int n) throws SQLException {
        return new CaseFileView(rs.getLong("id"), rs.getString("category"), rs.getString("submitted_by_role"),
                rs.getString("description"), rs.getString("file_name"), rs.getString("media_type"),
                rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("uploaded_by"),
                rs.getObject("uploaded_at", OffsetDateTime.class).toInstant(), (Long) rs.getObject("supersedes"),
                rs.getBoolean("served_to_requester"), rs.getBoolean("served_to_respondent"));
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The text as a literal inside a LIKE pattern. */
    private static String like(String text) {
        return text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
