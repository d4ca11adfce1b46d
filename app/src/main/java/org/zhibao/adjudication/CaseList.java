package org.zhibao.adjudication;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhibao.identity.AccountView;
import org.zhibao.identity.Accounts;
import org.zhibao.identity.Role;
import org.zhibao.identity.ZhibaoUser;
import org.zhibao.office.OfficeFilter;
import org.zhibao.office.OfficeView;
import org.zhibao.office.Offices;
import org.zhibao.region.Jurisdiction;

/** Lists and queues: cases by filter, one's work by nearest deadline, approvals waiting, published decisions. */
@Service
@Transactional(readOnly = true)
public class CaseList {

    private final CaseQueries queries;
    private final Offices offices;
    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final Clock clock;

    CaseList(CaseQueries queries, Offices offices, Accounts accounts, JdbcClient jdbc, Clock clock) {
        this.queries = queries;
        this.offices = offices;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Cases within the jurisdiction matching the filter, newest first (at most 500). */
    public List<CaseSummary> list(CaseFilter filter, Jurisdiction jurisdiction) {
        return queries.list(filter, jurisdiction);
    }

    /** An official's open cases by nearest deadline; a chief's or director's list adds the office's overdue cases. */
    public List<CaseSummary> myWork(ZhibaoUser user) {
        requireOfficial(user);
        boolean escalations = user.has(Role.DIVISION_CHIEF) || user.has(Role.DIRECTOR);
        return queries.myWork(user.accountId(), user.officeId(), escalations, LocalDate.now(clock));
    }

    public List<ExtensionRequest> pendingExtensions(ZhibaoUser user) {
        requireOfficial(user);
        return queries.pendingExtensions(user.officeId());
    }

    public List<RecusalView> pendingRecusals(long caseId) {
        return queries.pendingRecusals(caseId);
    }

    public List<CaseSummary> partyCases(ZhibaoUser user) {
        return queries.partyCases(user.accountId());
    }

    public List<PublishedDecision> published(String text) {
        return queries.published(text);
    }

    public List<OfficeView> offices(Jurisdiction jurisdiction) {
        return offices.list(jurisdiction, OfficeFilter.none());
    }

    /** Every office, for the requester choosing where to file and an officer transferring a request. */
    public List<OfficeView> allOffices() {
        return offices.list(Jurisdiction.national(), OfficeFilter.none());
    }

    /** The enabled officials of the user's own office, who may be assigned to its cases. */
    public List<AccountView> officeMembers(ZhibaoUser user) {
        requireOfficial(user);
        return accounts.list(user.jurisdiction(), null).stream()
                .filter(a -> a.officeId() != null && a.officeId().equals(user.officeId()) && a.enabled())
                .filter(a -> a.roles().stream().anyMatch(r -> r == Role.OFFICER || r == Role.DIVISION_CHIEF
                        || r == Role.DIRECTOR || r == Role.TECHNICAL_INVESTIGATOR || r == Role.MEDIATOR))
                .toList();
    }

    public List<ConflictDeclaration> conflicts(ZhibaoUser user) {
        requireOfficial(user);
        return jdbc.sql("""
                select party_name, credit_code, grounds, declared_on from conflict_declaration
                where account_id = :a order by id""").param("a", user.accountId())
                .query((rs, n) -> new ConflictDeclaration(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class))).list();
    }

    private static void requireOfficial(ZhibaoUser user) {
        if (!user.isOfficial()) {
            throw new AccessDeniedException("Officials only");
        }
    }
}
