package org.zhibao.adjudication;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhibao.adjudication.AdjudicationCase.CaseMember;
import org.zhibao.adjudication.AdjudicationCase.CaseParty;
import org.zhibao.adjudication.AdjudicationCase.ClockStop;
import org.zhibao.adjudication.AdjudicationCase.Extension;
import org.zhibao.adjudication.AdjudicationCase.Mediation;
import org.zhibao.patent.PatentKind;

/** Loads and saves whole cases (the case row with its parties, members, clock stops, extensions, mediation). */
@Repository
class CaseRepository {

    private final JdbcClient jdbc;

    CaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<AdjudicationCase> find(long id) {
        return load(jdbc.sql("select * from adjudication_case where id = :id").param("id", id).query(this::map).optional());
    }

    /** Locks the case row for the rest of the transaction, so two officers' moves are made one after the other. */
    Optional<AdjudicationCase> lock(long id) {
        return load(jdbc.sql("select * from adjudication_case where id = :id for update").param("id", id)
                .query(this::map).optional());
    }

    Optional<AdjudicationCase> findByNumber(String caseNumber) {
        return load(jdbc.sql("select * from adjudication_case where case_number = :n").param("n", caseNumber)
                .query(this::map).optional());
    }

    private Optional<AdjudicationCase> load(Optional<AdjudicationCase> found) {
        found.ifPresent(c -> {
            c.parties.addAll(jdbc.sql("select * from case_party where case_id = :id order by role, position")
                    .param("id", c.id).query((rs, n) -> new CaseParty(rs.getLong("id"),
                            PartyRole.valueOf(rs.getString("role")), rs.getInt("position"), rs.getString("name"),
                            rs.getString("address"), rs.getString("credit_code"), rs.getBoolean("domicile_in_china"),
                            rs.getString("agent"), (Long) rs.getObject("account_id"), date(rs, "served_on"),
                            date(rs, "received_on"))).list());
            c.members.addAll(jdbc.sql("select * from case_member where case_id = :id order by id").param("id", c.id)
                    .query((rs, n) -> new CaseMember(rs.getLong("id"), rs.getLong("account_id"),
                            rs.getString("display_name"), MemberRole.valueOf(rs.getString("role")),
                            date(rs, "assigned_on"), date(rs, "removed_on"), rs.getString("removed_reason"))).list());
            c.stops.addAll(jdbc.sql("select * from case_clock_stop where case_id = :id order by id").param("id", c.id)
                    .query((rs, n) -> new ClockStop(rs.getLong("id"), ClockStopReason.valueOf(rs.getString("reason")),
                            rs.getString("grounds"), date(rs, "started_on"), date(rs, "ended_on"))).list());
            c.extensions.addAll(jdbc.sql("select * from case_extension where case_id = :id order by id")
                    .param("id", c.id).query((rs, n) -> new Extension(rs.getLong("id"),
                            ExtensionLevel.valueOf(rs.getString("level")), rs.getInt("months"), rs.getString("reasons"),
                            rs.getString("requested_by"), date(rs, "requested_on"), rs.getLong("approving_office"),
                            rs.getString("approving_region"), rs.getString("decided_by"), date(rs, "decided_on"),
                            (Boolean) rs.getObject("approved"), rs.getString("decision_reasons"))).list());
            c.mediation = jdbc.sql("select * from case_mediation where case_id = :id order by id desc limit 1")
                    .param("id", c.id).query((rs, n) -> new Mediation(rs.getLong("id"), date(rs, "started_on"),
                            rs.getBoolean("requester_consent"), rs.getBoolean("respondent_consent"),
                            date(rs, "ended_on"), rs.getString("outcome"), rs.getString("agreement_terms"),
                            date(rs, "signed_by_parties_on"), date(rs, "sealed_on"), rs.getString("route"),
                            rs.getString("route_court"), date(rs, "route_filed_on"), rs.getString("route_result"),
                            date(rs, "route_result_on"))).optional().orElse(null);
        });
        return found;
    }

    long insert(AdjudicationCase c) {
        long id = jdbc.sql("""
                insert into adjudication_case (office_id, office_region, kind, status, rules, title, patent_number,
                    patent_kind, patent_title, claims, facts, requested_orders, infringement_region,
                    generic_published_on, filed_by, filed_at, received_on, transferred_from_case)
                values (:officeId, :officeRegion, :kind, :status, :rules, :title, :patentNumber, :patentKind,
                    :patentTitle, :claims, :facts, :requestedOrders, :infringementRegion, :genericPublishedOn,
                    :filedBy, :filedAt, :receivedOn, :transferredFromCase)
                returning id""")
                .param("officeId", c.officeId).param("officeRegion", c.officeRegion).param("kind", c.kind.name())
                .param("status", c.status.name()).param("rules", c.rules).param("title", c.title)
                .param("patentNumber", c.patentNumber).param("patentKind", c.patentKind.name())
                .param("patentTitle", c.patentTitle).param("claims", c.claims).param("facts", c.facts)
                .param("requestedOrders", c.requestedOrders).param("infringementRegion", c.infringementRegion)
                .param("genericPublishedOn", c.genericPublishedOn, Types.DATE).param("filedBy", c.filedBy)
                .param("filedAt", c.filedAt).param("receivedOn", c.receivedOn)
                .param("transferredFromCase", c.transferredFromCase, Types.BIGINT)
                .query(Long.class).single();
        c.id = id;
        for (CaseParty party : List.copyOf(c.parties)) {
            c.parties.set(c.parties.indexOf(party), insertParty(id, party));
        }
        return id;
    }

    private CaseParty insertParty(long caseId, CaseParty p) {
        long id = jdbc.sql("""
                insert into case_party (case_id, role, position, name, address, credit_code, domicile_in_china, agent,
                    account_id)
                values (:caseId, :role, :position, :name, :address, :creditCode, :domicile, :agent, :accountId)
                returning id""")
                .param("caseId", caseId).param("role", p.role().name()).param("position", p.position())
                .param("name", p.name()).param("address", p.address())
                .param("creditCode", p.creditCode().isEmpty() ? null : p.creditCode(), Types.VARCHAR)
                .param("domicile", p.domicileInChina()).param("agent", p.agent())
                .param("accountId", p.accountId(), Types.BIGINT)
                .query(Long.class).single();
        return new CaseParty(id, p.role(), p.position(), p.name(), p.address(), p.creditCode(), p.domicileInChina(),
                p.agent(), p.accountId(), p.servedOn(), p.receivedOn());
    }

    /** Saves every change of the case; refuses when someone else saved it since it was loaded. */
    void save(AdjudicationCase c) {
        int updated = jdbc.sql("""
                update adjudication_case set kind = :kind, status = :status, case_number = :caseNumber,
                    received_on = :receivedOn, review_extended = :reviewExtended,
                    correction_requested_on = :correctionRequestedOn, correction_due = :correctionDue,
                    correction_items = :correctionItems, docketed_on = :docketedOn, served_on = :servedOn,
                    answer_received_on = :answerReceivedOn, answer_forwarded_on = :answerForwardedOn,
                    hearing_noticed_on = :hearingNoticedOn, hearing_at = :hearingAt, hearing_place = :hearingPlace,
                    heard_on = :heardOn, decided_on = :decidedOn, decision_outcome = :decisionOutcome,
                    decision_text = :decisionText, decision_served_on = :decisionServedOn,
                    published_on = :publishedOn, published_text = :publishedText, closed_on = :closedOn,
                    close_reason = :closeReason, transferred_to = :transferredTo,
                    simplified_limit_days = :simplifiedLimitDays, handling_officer_id = :handlingOfficerId,
                    access_code_hash = :accessCodeHash, version = version + 1
                where id = :id and version = :version""")
                .param("kind", c.kind.name()).param("status", c.status.name())
                .param("caseNumber", c.caseNumber, Types.VARCHAR).param("receivedOn", c.receivedOn)
                .param("reviewExtended", c.reviewExtended)
                .param("correctionRequestedOn", c.correctionRequestedOn, Types.DATE)
                .param("correctionDue", c.correctionDue, Types.DATE)
                .param("correctionItems", c.correctionItems, Types.VARCHAR)
                .param("docketedOn", c.docketedOn, Types.DATE).param("servedOn", c.servedOn, Types.DATE)
                .param("answerReceivedOn", c.answerReceivedOn, Types.DATE)
                .param("answerForwardedOn", c.answerForwardedOn, Types.DATE)
                .param("hearingNoticedOn", c.hearingNoticedOn, Types.DATE)
                .param("hearingAt", c.hearingAt, Types.TIMESTAMP).param("hearingPlace", c.hearingPlace, Types.VARCHAR)
                .param("heardOn", c.heardOn, Types.DATE).param("decidedOn", c.decidedOn, Types.DATE)
                .param("decisionOutcome", c.decisionOutcome, Types.VARCHAR)
                .param("decisionText", c.decisionText, Types.VARCHAR)
                .param("decisionServedOn", c.decisionServedOn, Types.DATE)
                .param("publishedOn", c.publishedOn, Types.DATE).param("publishedText", c.publishedText, Types.VARCHAR)
                .param("closedOn", c.closedOn, Types.DATE).param("closeReason", c.closeReason, Types.VARCHAR)
                .param("transferredTo", c.transferredTo, Types.BIGINT)
                .param("simplifiedLimitDays", c.simplifiedLimitDays, Types.INTEGER)
                .param("handlingOfficerId", c.handlingOfficerId, Types.BIGINT)
                .param("accessCodeHash", c.accessCodeHash, Types.VARCHAR)
                .param("id", c.id).param("version", c.version)
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("Case " + c.id + " changed meanwhile");
        }
        c.version++;
        for (CaseParty p : c.parties) {
            jdbc.sql("update case_party set account_id = :accountId, served_on = :servedOn, received_on = :receivedOn where id = :id")
                    .param("accountId", p.accountId(), Types.BIGINT).param("servedOn", p.servedOn(), Types.DATE)
                    .param("receivedOn", p.receivedOn(), Types.DATE).param("id", p.id()).update();
        }
        for (CaseMember m : List.copyOf(c.members)) {
            if (m.id() == null) {
                long id = jdbc.sql("""
                        insert into case_member (case_id, account_id, display_name, role, assigned_on)
                        values (:caseId, :accountId, :name, :role, :on) returning id""")
                        .param("caseId", c.id).param("accountId", m.accountId()).param("name", m.displayName())
                        .param("role", m.role().name()).param("on", m.assignedOn()).query(Long.class).single();
                c.members.set(c.members.indexOf(m), new CaseMember(id, m.accountId(), m.displayName(), m.role(),
                        m.assignedOn(), m.removedOn(), m.removedReason()));
            }
            else {
                jdbc.sql("update case_member set removed_on = :on, removed_reason = :reason where id = :id")
                        .param("on", m.removedOn(), Types.DATE).param("reason", m.removedReason(), Types.VARCHAR)
                        .param("id", m.id()).update();
            }
        }
        for (ClockStop s : List.copyOf(c.stops)) {
            if (s.id() == null) {
                long id = jdbc.sql("""
                        insert into case_clock_stop (case_id, reason, grounds, started_on, ended_on)
                        values (:caseId, :reason, :grounds, :started, :ended) returning id""")
                        .param("caseId", c.id).param("reason", s.reason().name()).param("grounds", s.grounds())
                        .param("started", s.startedOn()).param("ended", s.endedOn(), Types.DATE)
                        .query(Long.class).single();
                c.stops.set(c.stops.indexOf(s), new ClockStop(id, s.reason(), s.grounds(), s.startedOn(), s.endedOn()));
            }
            else {
                jdbc.sql("update case_clock_stop set ended_on = :ended where id = :id")
                        .param("ended", s.endedOn(), Types.DATE).param("id", s.id()).update();
            }
        }
        for (Extension e : List.copyOf(c.extensions)) {
            if (e.id() == null) {
                long id = jdbc.sql("""
                        insert into case_extension (case_id, level, months, reasons, requested_by, requested_on,
                            approving_office, approving_region)
                        values (:caseId, :level, :months, :reasons, :by, :on, :office, :region) returning id""")
                        .param("caseId", c.id).param("level", e.level().name()).param("months", e.months())
                        .param("reasons", e.reasons()).param("by", e.requestedBy()).param("on", e.requestedOn())
                        .param("office", e.approvingOffice()).param("region", e.approvingRegion())
                        .query(Long.class).single();
                c.extensions.set(c.extensions.indexOf(e), new Extension(id, e.level(), e.months(), e.reasons(),
                        e.requestedBy(), e.requestedOn(), e.approvingOffice(), e.approvingRegion(), null, null, null,
                        null));
            }
            else {
                jdbc.sql("""
                        update case_extension set decided_by = :by, decided_on = :on, approved = :approved,
                            decision_reasons = :reasons where id = :id""")
                        .param("by", e.decidedBy(), Types.VARCHAR).param("on", e.decidedOn(), Types.DATE)
                        .param("approved", e.approved(), Types.BOOLEAN)
                        .param("reasons", e.decisionReasons(), Types.VARCHAR).param("id", e.id()).update();
            }
        }
        Mediation m = c.mediation;
        if (m != null) {
            if (m.id() == null) {
                long id = jdbc.sql("""
                        insert into case_mediation (case_id, started_on, requester_consent, respondent_consent)
                        values (:caseId, :on, :rc, :pc) returning id""")
                        .param("caseId", c.id).param("on", m.startedOn()).param("rc", m.requesterConsent())
                        .param("pc", m.respondentConsent()).query(Long.class).single();
                c.mediation = new Mediation(id, m.startedOn(), m.requesterConsent(), m.respondentConsent(), null, null,
                        null, null, null, null, null, null, null, null);
            }
            else {
                jdbc.sql("""
                        update case_mediation set ended_on = :ended, outcome = :outcome, agreement_terms = :terms,
                            signed_by_parties_on = :signed, sealed_on = :sealed, route = :route,
                            route_court = :court, route_filed_on = :filed, route_result = :result,
                            route_result_on = :resultOn
                        where id = :id""")
                        .param("ended", m.endedOn(), Types.DATE).param("outcome", m.outcome(), Types.VARCHAR)
                        .param("terms", m.agreementTerms(), Types.VARCHAR)
                        .param("signed", m.signedByPartiesOn(), Types.DATE).param("sealed", m.sealedOn(), Types.DATE)
                        .param("route", m.route(), Types.VARCHAR).param("court", m.routeCourt(), Types.VARCHAR)
                        .param("filed", m.routeFiledOn(), Types.DATE).param("result", m.routeResult(), Types.VARCHAR)
                        .param("resultOn", m.routeResultOn(), Types.DATE).param("id", m.id()).update();
            }
        }
    }

    void event(long caseId, String actor, String kind, String detail) {
        jdbc.sql("insert into case_event (case_id, actor, kind, detail) values (:caseId, :actor, :kind, :detail)")
                .param("caseId", caseId).param("actor", actor).param("kind", kind)
                .param("detail", detail, Types.VARCHAR).update();
    }

    List<CaseEventView> events(long caseId) {
        return jdbc.sql("select * from case_event where case_id = :id order by id").param("id", caseId)
                .query((rs, n) -> new CaseEventView(rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getString("actor"), rs.getString("kind"), rs.getString("detail"))).list();
    }

    /** The next number for a prefix and year, counted in the database so two instances never share one. */
    int nextNumber(String prefix, int year) {
        return jdbc.sql("""
                insert into case_number_counter (prefix, year, last) values (:prefix, :year, 1)
                on conflict (prefix, year) do update set last = case_number_counter.last + 1
                returning last""")
                .param("prefix", prefix).param("year", year).query(Integer.class).single();
    }

    boolean conflicted(long accountId, List<CaseParty> parties) {
        for (CaseParty p : parties) {
            boolean tied = jdbc.sql("""
                    select exists (select 1 from conflict_declaration where account_id = :account
                        and (lower(party_name) = lower(:name) or (credit_code is not null and credit_code = :code)))""")
                    .param("account", accountId).param("name", p.name())
                    .param("code", p.creditCode() == null ? "" : p.creditCode())
                    .query(Boolean.class).single();
            if (tied) {
                return true;
            }
        }
        return false;
    }

    private AdjudicationCase map(ResultSet rs, int n) throws SQLException {
        AdjudicationCase c = new AdjudicationCase();
        c.id = rs.getLong("id");
        c.officeId = rs.getLong("office_id");
        c.officeRegion = rs.getString("office_region");
        c.kind = CaseKind.valueOf(rs.getString("kind"));
        c.status = CaseStatus.valueOf(rs.getString("status"));
        c.rules = rs.getString("rules");
        c.caseNumber = rs.getString("case_number");
        c.title = rs.getString("title");
        c.patentNumber = rs.getString("patent_number");
        c.patentKind = PatentKind.valueOf(rs.getString("patent_kind"));
        c.patentTitle = rs.getString("patent_title");
        c.claims = rs.getString("claims");
        c.facts = rs.getString("facts");
        c.requestedOrders = rs.getString("requested_orders");
        c.infringementRegion = rs.getString("infringement_region");
        c.genericPublishedOn = date(rs, "generic_published_on");
        c.filedBy = rs.getLong("filed_by");
        c.filedAt = rs.getObject("filed_at", OffsetDateTime.class);
        c.receivedOn = date(rs, "received_on");
        c.reviewExtended = rs.getBoolean("review_extended");
        c.correctionRequestedOn = date(rs, "correction_requested_on");
        c.correctionDue = date(rs, "correction_due");
        c.correctionItems = rs.getString("correction_items");
        c.docketedOn = date(rs, "docketed_on");
        c.servedOn = date(rs, "served_on");
        c.answerReceivedOn = date(rs, "answer_received_on");
        c.answerForwardedOn = date(rs, "answer_forwarded_on");
        c.hearingNoticedOn = date(rs, "hearing_noticed_on");
        Timestamp hearing = rs.getTimestamp("hearing_at");
        c.hearingAt = hearing == null ? null : hearing.toLocalDateTime();
        c.hearingPlace = rs.getString("hearing_place");
        c.heardOn = date(rs, "heard_on");
        c.decidedOn = date(rs, "decided_on");
        c.decisionOutcome = rs.getString("decision_outcome");
        c.decisionText = rs.getString("decision_text");
        c.decisionServedOn = date(rs, "decision_served_on");
        c.publishedOn = date(rs, "published_on");
        c.publishedText = rs.getString("published_text");
        c.closedOn = date(rs, "closed_on");
        c.closeReason = rs.getString("close_reason");
        c.transferredTo = (Long) rs.getObject("transferred_to");
        c.transferredFromCase = (Long) rs.getObject("transferred_from_case");
        c.simplifiedLimitDays = (Integer) rs.getObject("simplified_limit_days");
        c.handlingOfficerId = (Long) rs.getObject("handling_officer_id");
        c.accessCodeHash = rs.getString("access_code_hash");
        c.version = rs.getInt("version");
        return c;
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    static LocalDateTime dateTime(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toLocalDateTime();
    }
}
