package org.zhibao.adjudication;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhibao.database.SystemScope;
import org.zhibao.adjudication.AdjudicationCase.CaseMember;
import org.zhibao.adjudication.AdjudicationCase.CaseParty;
import org.zhibao.adjudication.AdjudicationCase.ClockStop;
import org.zhibao.adjudication.AdjudicationCase.Extension;
import org.zhibao.api.Idempotency;
import org.zhibao.api.InvalidIdempotencyKey;
import org.zhibao.api.StoredResponse;
import org.zhibao.audit.AuditLog;
import org.zhibao.storage.FileStore;
import org.zhibao.storage.StoredFile;
import org.zhibao.calendar.Deadlines;
import org.zhibao.identity.AccountView;
import org.zhibao.identity.Accounts;
import org.zhibao.identity.Role;
import org.zhibao.identity.ZhibaoUser;
import org.zhibao.office.OfficeView;
import org.zhibao.office.Offices;
import org.zhibao.patent.PatentApplicationNumber;
import org.zhibao.region.Jurisdiction;
import org.zhibao.region.RegionCode;
import org.zhibao.region.RegionLevel;
import org.zhibao.region.Regions;

/**
 * The adjudication procedure (专利侵权纠纷行政裁决), as the officers and parties run it. Every command loads the
 * case under a row lock, checks who acts (officials only on their own office's cases, parties only on theirs),
 * lets the case check the procedure, saves, notes the step in the case's record and writes the audit entry —
 * all in one transaction, so a step is either done and audited or not done at all.
 */
@Service
@Transactional
public class Adjudication {

    static final String ACCESS_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final CaseRepository cases;
    private final CaseQueries queries;
    private final CaseDocuments documents;
    private final CaseNumbers numbers;
    private final Offices offices;
    private final Regions regions;
    private final Accounts accounts;
    private final Deadlines deadlines;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final Idempotency idempotency;
    private final FileStore store;
    private final SecureRandom random = new SecureRandom();

    Adjudication(CaseRepository cases, CaseQueries queries, CaseDocuments documents, CaseNumbers numbers,
            Offices offices, Regions regions, Accounts accounts, Deadlines deadlines, AuditLog audit, JdbcClient jdbc,
            Clock clock, TransactionTemplate transactions, Idempotency idempotency, FileStore store) {
        this.cases = cases;
        this.queries = queries;
        this.documents = documents;
        this.numbers = numbers;
        this.offices = offices;
        this.regions = regions;
        this.accounts = accounts;
        this.deadlines = deadlines;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
        this.transactions = transactions;
        this.idempotency = idempotency;
        this.store = store;
    }

    /** Today in China, the day the procedure's periods are counted in. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The earliest day for a hearing noticed on {@code noticeDay}: 3 working days' notice (art. 26). */
    public LocalDate earliestHearing(LocalDate noticeDay) {
        return CasePeriods.earliestHearing(noticeDay, deadlines);
    }

    // ------------------------------------------------------------------ filing

    /**
     * Files a request as the requester or its agent (a public user).
     *
     * @throws InvalidRequest listing every field that cannot be accepted
     */
    public CaseView file(FileRequest request, ZhibaoUser user) {
        if (user.isOfficial() || !user.has(Role.PUBLIC_USER)) {
            throw new AccessDeniedException("Only members of the public file requests");
        }
        Optional<OfficeView> office = offices.find(request.officeId());
        boolean regionKnown = RequestRules.region(request.infringementRegion()).map(regions::exists).orElse(false);
        List<FieldProblem> problems = new ArrayList<>(
                RequestRules.check(request, office.map(OfficeView::jurisdiction), regionKnown));
        LocalDate today = today();
        Optional<ProcedureRules> rules = ProcedureRules.inForceOn(today);
        if (rules.isEmpty()) {
            problems.add(new FieldProblem("filedOn", "adjudication.request.no-rules"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        PatentApplicationNumber patent = PatentApplicationNumber.parse(request.patentNumber()).orElseThrow();
        AdjudicationCase c = new AdjudicationCase();
        c.officeId = office.get().id();
        c.officeRegion = office.get().regionCode().value();
        c.kind = request.kind();
        c.status = CaseStatus.SUBMITTED;
        c.rules = rules.get().name();
        c.patentNumber = patent.toString();
        c.patentKind = patent.kind();
        c.patentTitle = request.patentTitle();
        c.claims = request.claims();
        c.facts = request.facts();
        c.requestedOrders = request.requestedOrders();
        c.infringementRegion = request.infringementRegion();
        c.genericPublishedOn = request.genericPublishedOn();
        c.filedBy = user.accountId();
        c.filedAt = OffsetDateTime.now(clock);
        c.receivedOn = today;
        c.title = title(request);
        PartyInput requester = request.requester();
        c.parties.add(new CaseParty(null, PartyRole.REQUESTER, 0, requester.name(), requester.address(),
                requester.creditCode(), requester.domicileInChina(), requester.agent(), user.accountId(), null, null));
        for (int i = 0; i < request.respondents().size(); i++) {
            PartyInput r = request.respondents().get(i);
            c.parties.add(new CaseParty(null, PartyRole.RESPONDENT, i, r.name(), r.address(), r.creditCode(),
                    r.domicileInChina(), r.agent(), null, null, null));
        }
        long id = cases.insert(c);
        cases.event(id, user.displayName(), "filed", c.title);
        audited("adjudication.file", c, Map.of("patent", c.patentNumber, "office", String.valueOf(c.officeId)));
        return view(c, user);
    }

    /**
     * Files a request once per idempotency key: a retried submission with the same key and body gets the first
     * answer back, and creates no second case; the same key with another body is refused. The key is claimed in
     * this transaction, so a failed filing leaves no trace and may be retried.
     */
    public StoredResponse fileOnce(FileRequest request, String key, ZhibaoUser user,
            java.util.function.Function<CaseView, String> body) {
        if (!Idempotency.isValidKey(key)) {
            throw new InvalidIdempotencyKey();
        }
        return idempotency.execute(user.accountId(), key, Idempotency.sha256Of(request),
                () -> StoredResponse.of(201, body.apply(file(request, user))));
    }

    /** The title officers and parties know a case by: 请求人 v. 被请求人 (专利号). */
    private static String title(FileRequest request) {
        String respondents = String.join("、", request.respondents().stream().map(PartyInput::name).toList());
        return request.requester().name() + " / " + respondents + " (" + request.patentNumber() + ")";
    }

    // ------------------------------------------------------------------ acceptance review

    public void requestCorrection(long caseId, String items, LocalDate due, ZhibaoUser user) {
        AdjudicationCase c = handle(caseId, user);
        c.requestCorrection(items, due, today());
        finish(c, user, "correction-requested", items, Map.of("due", String.valueOf(due)));
        documents.issue(c, "CORRECTION_NOTICE", true, false, user);
    }

    /** The requester supplies what the correction notice asked for; the acceptance review starts again. */
    public void submitCorrection(long caseId, String statement, ZhibaoUser user) {
        AdjudicationCase c = asParty(caseId, user, PartyRole.REQUESTER);
        if (statement == null || statement.isBlank()) {
            throw new CaseRefused("adjudication.correction.statement-required");
        }
        c.correct(today());
        finish(c, user, "corrected", statement.strip(), Map.of());
    }

    /** The office head allows 5 more working days' review of a complex request (art. 20). */
    public void extendReview(long caseId, String reasons, ZhibaoUser user) {
        requireHead(user);
        AdjudicationCase c = handle(caseId, user);
        if (reasons == null || reasons.isBlank()) {
            throw new CaseRefused("adjudication.reasons-required");
        }
        c.extendReview();
        finish(c, user, "review-extended", reasons, Map.of());
    }

    /**
     * Dockets the case (立案) and gives it its number. Under the simplified procedure the province's rule must
     * exist and the case must meet its conditions.
     */
    public CaseView docket(long caseId, boolean simplified, SimplifiedEligibility eligibility, ZhibaoUser user) {
        AdjudicationCase c = handle(caseId, user);
        CaseKind procedure = c.kind;
        Integer limitDays = null;
        if (simplified) {
            if (c.kind != CaseKind.ORDINARY) {
                throw new CaseRefused("adjudication.simplified.ordinary-only");
            }
            SimplifiedProcedure rule = simplifiedRule(c.officeRegion)
                    .orElseThrow(() -> new CaseRefused("adjudication.simplified.not-configured"));
            eligibility.problem(c.patentKind).ifPresent(problem -> {
                throw new CaseRefused(problem);
            });
            procedure = CaseKind.SIMPLIFIED;
            limitDays = rule.timeLimitDays();
        }
        if (c.status != CaseStatus.SUBMITTED) {
            throw new IllegalTransition(c.status, CaseStatus.DOCKETED);
        }
        LocalDate today = today();
        String number = numbers.next(c.officeRegion, today.getYear());
        c.docket(number, procedure, limitDays, today);
        // docketing appoints who hears the case (art. 20): the docketing official, until the office reassigns it
        if (c.activeMembers().stream().noneMatch(m -> m.role().sitsOnPanel())) {
            c.assign(new CaseMember(null, user.accountId(), user.displayName(),
                    c.kind.needsPanel() ? MemberRole.PRESIDING : MemberRole.HANDLING_OFFICER, today, null, null),
                    cases.conflicted(user.accountId(), c.parties));
        }
        finish(c, user, "docketed", number, Map.of("caseNumber", number, "procedure", procedure.name()));
        documents.issue(c, "ACCEPTANCE_NOTICE", true, false, user);
        return view(c, user);
    }

    public void refuse(long caseId, String reasons, ZhibaoUser user) {
        AdjudicationCase c = handle(caseId, user);
        c.refuse(reasons, today());
        finish(c, user, "refused", reasons, Map.of());
        documents.issue(c, "NON_ACCEPTANCE_NOTICE", true, false, user);
    }

    /**
     * Transfers (移送) a request to the competent office: this case closes here, and the same request opens
     * there as a new one, received today, linked to this one.
     */
    public long transfer(long caseId, long toOfficeId, String reasons, ZhibaoUser user) {
        AdjudicationCase c = handle(caseId, user);
        OfficeView target = offices.find(toOfficeId).orElseThrow(() -> new CaseRefused("adjudication.transfer.office-unknown"));
        if (target.level() == RegionLevel.NATIONAL && !c.kind.atNationalOffice()) {
            throw new CaseRefused("adjudication.request.not-at-national-office");
        }
        LocalDate today = today();
        c.transfer(target.id(), reasons, today);
        finish(c, user, "transferred", target.name() + ": " + reasons, Map.of("to", String.valueOf(target.id())));
        AdjudicationCase copy = new AdjudicationCase();
        copy.officeId = target.id();
        copy.officeRegion = target.regionCode().value();
        copy.kind = c.kind;
        copy.status = CaseStatus.SUBMITTED;
        copy.rules = c.rules;
        copy.title = c.title;
        copy.patentNumber = c.patentNumber;
        copy.patentKind = c.patentKind;
        copy.patentTitle = c.patentTitle;
        copy.claims = c.claims;
        copy.facts = c.facts;
        copy.requestedOrders = c.requestedOrders;
        copy.infringementRegion = c.infringementRegion;
        copy.genericPublishedOn = c.genericPublishedOn;
        copy.filedBy = c.filedBy;
        copy.filedAt = c.filedAt;
        copy.receivedOn = today;
        copy.transferredFromCase = c.id;
        for (CaseParty p : c.parties) {
            copy.parties.add(new CaseParty(null, p.role(), p.position(), p.name(), p.address(), p.creditCode(),
                    p.domicileInChina(), p.agent(), p.accountId(), null, null));
        }
        long newId = cases.insert(copy);
        jdbc.sql("""
                insert into case_file (case_id, category, submitted_by_role, description, file_name, media_type,
                    size_bytes, sha256, uploaded_by, uploaded_at)
                select :newId, category, submitted_by_role, description, file_name, media_type, size_bytes, sha256,
                    uploaded_by, uploaded_at
                from case_file where case_id = :oldId and submitted_by_role = 'REQUESTER'""")
                .param("newId", newId).param("oldId", c.id).update();
        cases.event(newId, user.displayName(), "received-by-transfer", c.reference() + " — " + reasons);
        audited("adjudication.transfer.received", copy, Map.of("from", String.valueOf(c.id)));
        documents.issue(c, "TRANSFER_NOTICE", true, false, user);
        return newId;
    }

    // ------------------------------------------------------------------ service and answer

    /**
     * Serves the request on a respondent (送达) with the answer notice, recording when it was received; the
     * respondent's answer period runs from receipt. Returns the access code the notice carries, with which the
     * respondent joins the case in the portal; it is shown once and kept only as a hash.
     */
    public String serve(long caseId, long partyId, LocalDate servedOn, LocalDate receivedOn, ZhibaoUser user) {
        AdjudicationCase c = handle(caseId, user);
        c.serve(partyId, servedOn, receivedOn);
        String code = accessCode();
        c.accessCodeHash = sha256(code);
        CaseParty respondent = c.party(partyId).orElseThrow();
        finish(c, user, "served", respondent.name(), Map.of("party", String.valueOf(partyId),
                "receivedOn", receivedOn.toString()));
        jdbc.sql("update case_file set served_to_respondent = true where case_id = :id and submitted_by_role = 'REQUESTER'")
                .param("id", c.id).update();
        documents.issue(c, "ANSWER_NOTICE", false, true, user, Map.of("accessCode", code, "respondent", respondent.name()));
        return code;
    }

    /** A respondent joins the case it was served with, by the case number and the code on the notice. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public long joinAsRespondent(String caseNumber, String code, ZhibaoUser user) {
        if (user.isOfficial() || !user.has(Role.PUBLIC_USER)) {
            throw new AccessDeniedException("Only members of the public join cases as parties");
        }
        String number = caseNumber == null ? "" : caseNumber.strip();
        String given = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        // the public user cannot see the case before joining it: the lookup acts as the system, and the code
        // (compared in constant time) is the user's right to it
        Long joined = SystemScope.call(() -> transactions.execute(status -> {
            AdjudicationCase c = cases.findByNumber(number)
                    .filter(found -> found.accessCodeHash != null
                            && MessageDigest.isEqual(found.accessCodeHash.getBytes(StandardCharsets.US_ASCII),
                                    sha256(given).getBytes(StandardCharsets.US_ASCII)))
                    .flatMap(found -> cases.lock(found.id))
                    .orElse(null);
            if (c == null) {
                return null;
            }
            CaseParty respondent = c.respondents().stream().filter(p -> p.servedOn() != null && p.accountId() == null)
                    .findFirst().orElse(null);
            if (respondent == null) {
                return null;
            }
            c.joinAsRespondent(respondent.id(), user.accountId());
            c.accessCodeHash = null;
            cases.save(c);
            cases.event(c.id, user.displayName(), "respondent-joined", respondent.name());
            audited("adjudication.join", c, Map.of("party", String.valueOf(respondent.id())));
            return c.id;
        }));
        if (joined == null) {
            audit.recordForCurrentUser("adjudication.join", "adjudication-case/" + number, "rejected", Map.of());
            throw new CaseRefused("adjudication.join.no-match");
        }
        return joined;
    }

    /** The respondent answers (答辩) within the answer period; files come with {@link #addFile}. */
    public void answer(long caseId, String statement, ZhibaoUser user) {
        AdjudicationCase c = asParty(caseId, user, PartyRole.RESPONDENT);
        if (statement == null || statement.isBlank()) {
            throw new CaseRefused("adjudication.answer.statement-required");
        }
        c.fileAnswer(today(), CasePeriods.answerEnds(c, rules(c), deadlines));
        // the answer written online is kept as a file like any answer, so it is forwarded and hashed the same way
        StoredFile stored = store.store(new java.io.ByteArrayInputStream(statement.strip().getBytes(StandardCharsets.UTF_8)),
                RequestRules.MAX_TEXT * 4L);
        finish(c, user, "answered", null, Map.of());
        addStoredFile(c, "ANSWER", "", new EvidenceUpload("answer-" + today() + ".txt", "text/plain", stored.size(),
                stored.sha256()), "RESPONDENT", user);
    }

    /** The answer and its evidence go to the requester (within 5 working days, art. 22). */
    public void forwardAnswer(long caseId, ZhibaoUser user) {
        AdjudicationCase c = handle(caseId, user);
        c.forwardAnswer(today());
        jdbc.sql("""
                update case_file set served_to_requester = true
                where case_id = :id and submitted_by_role = 'RESPONDENT' and category in ('ANSWER', 'EVIDENCE')""")
                .param("id", c.id).update();
        finish(c, user, "answer-forwarded", null, Map.of());
    }

    /** Serves a file of one party on the other (evidence exchange) or an office record on both. */
    public void serveFile(long caseId, long fileId, ZhibaoUser user) {
        AdjudicationCase c = handle(caseId, user);
        int updated = jdbc.sql("""
                update case_file set
                    served_to_requester = served_to_requester or submitted_by_role <> 'REQUESTER',
                    served_to_respondent = served_to_respondent or submitted_by_role <> 'RESPONDENT'
                where id = :file and case_id = :case""").param("file", fileId).param("case", c.id).update();
        if (updated != 1) {
            throw new CaseRefused("adjudication.file.unknown");
        }
        finish(c, user, "file-served", String.valueOf(fileId), Map.of("file", String.valueOf(fileId)));
    }

    // ------------------------------------------------------------------ panel, recusal, investigators

    public void assign(long caseId, long accountId, MemberRole role, ZhibaoUser user) {
        AdjudicationCase c = handle(caseId, user);
        AccountView account;
        try {
            account = accounts.find(accountId, user.jurisdiction());
        }
        catch (RuntimeException unknownOrBeyondReach) {
            throw new CaseRefused("adjudication.member.other-office");
        }
        if (account.officeId() == null || account.officeId() != c.officeId || !account.enabled()) {
            throw new CaseRefused("adjudication.member.other-office");
        }
        boolean qualified = account.roles().contains(role.needs()) || role.needs() == Role.OFFICER
                && (account.roles().contains(Role.DIVISION_CHIEF) || account.roles().contains(Role.DIRECTOR));
        if (!qualified) {
            throw new CaseRefused("adjudication.member.role-missing", "identity.role." + role.needs().name());
        }
        c.assign(new CaseMember(null, accountId, account.displayName(), role, today(), null, null),
                cases.conflicted(accountId, c.parties));
        finish(c, user, "member-assigned", account.displayName(), Map.of("member", String.valueOf(accountId),
                "role", role.name()));
    }

    /** The office head removes a member: after a granted recusal, or for another reason stated. */
    public void removeMember(long caseId, long memberId, String reason, ZhibaoUser user) {
        requireHead(user);
        AdjudicationCase c = handle(caseId, user);
        if (reason == null || reason.isBlank()) {
            throw new CaseRefused("adjudication.reasons-required");
        }
        c.removeMember(memberId, reason.strip(), today());
        finish(c, user, "member-removed", reason, Map.of("member", String.valueOf(memberId)));
    }

    /** An official declares a tie with a party (回避 grounds, art. 5); from then on they cannot be assigned. */
    public void declareConflict(String partyName, String creditCode, String grounds, ZhibaoUser user) {
        if (!user.isOfficial()) {
            throw new AccessDeniedException("Only officials declare conflicts");
        }
        String name = partyName == null ? "" : partyName.strip();
        String code = creditCode == null ? "" : creditCode.strip().toUpperCase(java.util.Locale.ROOT);
        if (name.isEmpty() && code.isEmpty() || grounds == null || grounds.isBlank()) {
            throw new CaseRefused("adjudication.conflict.incomplete");
        }
        jdbc.sql("""
                insert into conflict_declaration (account_id, party_name, credit_code, grounds, declared_on)
                values (:account, :name, :code, :grounds, :on)""")
                .param("account", user.accountId()).param("name", name.isEmpty() ? null : name, java.sql.Types.VARCHAR)
                .param("code", code.isEmpty() ? null : code, java.sql.Types.VARCHAR).param("grounds", grounds.strip())
                .param("on", today()).update();
        audit.recordForCurrentUser("adjudication.conflict.declare", "account/" + user.accountId(), "ok",
                Map.of("party", name, "creditCode", code));
    }

    /** A party applies to recuse a member (art. 5), with reasons; the office head decides. */
    public void applyForRecusal(long caseId, long memberId, String grounds, ZhibaoUser user) {
        AdjudicationCase c = asAnyParty(caseId, user);
        if (grounds == null || grounds.isBlank()) {
            throw new CaseRefused("adjudication.reasons-required");
        }
        CaseMember member = c.activeMembers().stream().filter(m -> m.id() == memberId).findFirst()
                .orElseThrow(() -> new CaseRefused("adjudication.member.unknown"));
        jdbc.sql("""
                insert into case_recusal (case_id, member_id, applied_by, grounds, applied_on)
                values (:case, :member, :by, :grounds, :on)""")
                .param("case", c.id).param("member", member.id()).param("by", user.displayName())
                .param("grounds", grounds.strip()).param("on", today()).update();
        finish(c, user, "recusal-applied", member.displayName() + ": " + grounds.strip(), Map.of());
    }

    /** The office head decides a recusal application; granted, the member leaves the case. */
    public void decideRecusal(long caseId, long recusalId, boolean granted, ZhibaoUser user) {
        requireHead(user);
        AdjudicationCase c = handle(caseId, user);
        Long memberId = jdbc.sql("""
                update case_recusal set decided_by = :by, decided_on = :on, granted = :granted
                where id = :id and case_id = :case and decided_on is null returning member_id""")
                .param("by", user.displayName()).param("on", today()).param("granted", granted)
                .param("id", recusalId).param("case", c.id).query(Long.class).optional()
                .orElseThrow(() -> new CaseRefused("adjudication.recusal.none-pending"));
        if (granted) {
            c.removeMember(memberId, "recusal", today());
        }
        finish(c, user, granted ? "recusal-granted" : "recusal-refused", String.valueOf(memberId), Map.of());
    }

    // ------------------------------------------------------------------ hearing

    public void scheduleHearing(long caseId, LocalDateTime at, String place, ZhibaoUser user) {
        AdjudicationCase c = handle(caseId, user);
        if (at == null) {
            throw new CaseRefused("adjudication.hearing.time-required");
        }
        LocalDate today = today();
        c.scheduleHearing(at, place, today, CasePeriods.earliestHearing(today, deadlines));
        finish(c, user, "hearing-scheduled", at + " " + place, Map.of("at", at.toString()));
        documents.issue(c, "HEARING_NOTICE", true, true, user);
    }

    public void recordHearing(long caseId, ZhibaoUser user) {
        AdjudicationCase c = handle(caseId, user);
        c.recordHearing(today());
        finish(c, user, "heard", null, Map.of());
    }

    // ------------------------------------------------------------------ suspension, clock stops, extensions

    public void suspend(long caseId, SuspensionGround ground, String grounds, ZhibaoUser user) {
        AdjudicationCase c = handle(caseId, user);
        if (ground == null) {
            throw new CaseRefused("adjudication.suspension.ground-required");
        }
        c.suspend(new ClockStop(null, ClockStopReason.SUSPENSION, ground.name() + ": " + (grounds == null ? "" : grounds.strip()),
                today(), null));
        finish(c, user, "suspended", grounds, Map.of("ground", ground.name(),
                "mandatory", String.valueOf(ground.mandatoryFor(c.patentKind))));
        documents.issue(c, "SUSPENSION_NOTICE", true, true, user);
    }

    public void resume(long caseId, ZhibaoUser user) {
        AdjudicationCase c = handle(caseId, user);
        c.resume(today());
        finish(c, user, "resumed", null, Map.of());
    }

    /** Time that does not count other than suspension: announcement, appraisal, objection, evidence, settlement. */
    public void stopClock(long caseId, ClockStopReason reason, String grounds, ZhibaoUser user) {
        AdjudicationCase c = handle(caseId, user);
        c.stopClock(new ClockStop(null, reason, grounds == null ? "" : grounds.strip(), today(), null));
        finish(c, user, "clock-stopped", reason.name() + ": " + grounds, Map.of("reason", reason.name()));
    }

    public void restartClock(long caseId, ZhibaoUser user) {
        AdjudicationCase c = handle(caseId, user);
        c.restartClock(today());
        finish(c, user, "clock-restarted", null, Map.of());
    }

    /**
     * Asks for an extension of the time limit: one month from the office head, or (after it) two more from the
     * next-higher office, where it waits in that office's queue.
     */
    public void requestExtension(long caseId, ExtensionLevel level, String reasons, ZhibaoUser user) {
        AdjudicationCase c = handle(caseId, user);
        OfficeView approving = offices.find(c.officeId).orElseThrow();
        if (level == ExtensionLevel.HIGHER_OFFICE) {
            if (approving.parentId() == null) {
                throw new CaseRefused("adjudication.extension.no-higher-office");
            }
            approving = offices.find(approving.parentId()).orElseThrow();
        }
        ProcedureRules rules = rules(c);
        int months = level == ExtensionLevel.OFFICE_HEAD ? rules.rule(Period.EXTENSION_BY_OFFICE_HEAD).length()
                : rules.rule(Period.EXTENSION_BY_HIGHER_OFFICE).length();
        c.requestExtension(new Extension(null, level, months, reasons == null ? null : reasons.strip(),
                user.displayName(), today(), approving.id(), approving.regionCode().value(), null, null, null, null),
                rules.maximumMonths(), rules.rule(Period.CASE_TIME_LIMIT).length());
        finish(c, user, "extension-requested", level.name() + ": " + reasons, Map.of("level", level.name()));
    }

    /** The approving office's head decides an extension request waiting in its queue. */
    public void decideExtension(long caseId, long extensionId, boolean approve, String reasons, ZhibaoUser user) {
        if (!user.isOfficial() || !user.has(Role.DIRECTOR)) {
            throw new AccessDeniedException("Only an office head decides extensions");
        }
        AdjudicationCase c = cases.lock(caseId).orElseThrow(CaseNotFound::new);
        Extension extension = c.extensions.stream().filter(e -> e.id() == extensionId).findFirst()
                .orElseThrow(() -> new CaseRefused("adjudication.extension.none-pending"));
        if (extension.approvingOffice() != user.officeId()) {
            throw new AccessDeniedException("Extension " + extensionId + " waits for another office");
        }
        c.decideExtension(extensionId, approve, reasons, user.displayName(), today());
        finish(c, user, approve ? "extension-approved" : "extension-refused",
                extension.level().name() + (reasons == null || reasons.isBlank() ? "" : ": " + reasons.strip()),
                Map.of("extension", String.valueOf(extensionId)));
    }

    // ------------------------------------------------------------------ mediation

    public void startMediation(long caseId, boolean requesterConsent, boolean respondentConsent, ZhibaoUser user) {
        AdjudicationCase c = handle(caseId, user);
        c.startMediation(requesterConsent, respondentConsent, today());
        finish(c, user, "mediation-started", null, Map.of());
    }

    /** The agreement, signed by the parties and sealed by the office, closes the case (调解书). */
    public void mediationAgreed(long caseId, String terms, LocalDate signedOn, ZhibaoUser user) {
        AdjudicationCase c = handle(caseId, user);
        c.mediationAgreed(terms, signedOn, today());
        finish(c, user, "mediated", terms, Map.of("signedOn", String.valueOf(signedOn)));
        documents.issue(c, "MEDIATION_AGREEMENT", true, true, user);
    }

    public void mediationFailed(long caseId, ZhibaoUser user) {
        AdjudicationCase c = handle(caseId, user);
        c.mediationFailed(today());
        finish(c, user, "mediation-failed", null, Map.of());
    }

    /** The parties' route to enforceability of the agreement: notarisation or a court's judicial confirmation. */
    public void recordEnforceabilityRoute(long caseId, String route, String court, LocalDate filedOn, String result,
            LocalDate resultOn, ZhibaoUser user) {
        AdjudicationCase c = handle(caseId, user);
        c.recordEnforceabilityRoute(route == null ? "" : route, court, filedOn, result, resultOn);
        finish(c, user, "enforceability-route", route + (court == null ? "" : " " + court) + " " + result,
                Map.of("route", String.valueOf(route), "result", String.valueOf(result)));
    }

    // ------------------------------------------------------------------ decision and after

    public void decide(long caseId, String outcome, String text, ZhibaoUser user) {
        AdjudicationCase c = handle(caseId, user);
        c.decide(outcome, text, today(), CasePeriods.answerEnds(c, rules(c), deadlines));
        finish(c, user, "decided", outcome, Map.of("outcome", String.valueOf(outcome)));
        documents.issue(c, "DECISION", true, true, user);
    }

    public void serveDecision(long caseId, LocalDate receivedOn, ZhibaoUser user) {
        AdjudicationCase c = handle(caseId, user);
        c.serveDecision(receivedOn == null ? today() : receivedOn);
        finish(c, user, "decision-served", String.valueOf(receivedOn), Map.of());
    }

    /** Publishes the decision with personal data masked (art. 31); the officer may mask more before. */
    public void publish(long caseId, String redactedText, ZhibaoUser user) {
        AdjudicationCase c = handle(caseId, user);
        if (c.status != CaseStatus.DECIDED) {
            throw new CaseRefused("adjudication.decision.none");
        }
        String text = Redaction.mask(redactedText == null || redactedText.isBlank() ? c.decisionText : redactedText,
                c.parties);
        c.publish(text, today());
        finish(c, user, "published", null, Map.of());
    }

    public void recordAftermath(long caseId, String kind, LocalDate on, String byWhom, String detail, ZhibaoUser user) {
        AdjudicationCase c = handle(caseId, user);
        if (c.status != CaseStatus.DECIDED) {
            throw new CaseRefused("adjudication.decision.none");
        }
        if (on == null || on.isBefore(c.decidedOn)) {
            throw new CaseRefused("adjudication.aftermath.date-invalid");
        }
        if (!List.of("COMPLIANCE", "LAWSUIT", "ENFORCEMENT_APPLICATION", "COURT_JUDGMENT").contains(kind)) {
            throw new CaseRefused("adjudication.aftermath.kind-invalid");
        }
        jdbc.sql("""
                insert into case_aftermath (case_id, kind, happened_on, by_whom, detail, recorded_by)
                values (:case, :kind, :on, :by, :detail, :recordedBy)""")
                .param("case", c.id).param("kind", kind).param("on", on).param("by", byWhom == null ? "" : byWhom.strip())
                .param("detail", detail == null ? "" : detail.strip()).param("recordedBy", user.displayName()).update();
        finish(c, user, "aftermath", kind, Map.of("kind", kind));
    }

    /** The requester withdraws (撤回) the request at any stage before the decision. */
    public void withdraw(long caseId, String reason, ZhibaoUser user) {
        AdjudicationCase c = asParty(caseId, user, PartyRole.REQUESTER);
        c.withdraw(reason, today());
        finish(c, user, "withdrawn", reason, Map.of());
    }

    // ------------------------------------------------------------------ files

    /**
     * Adds a file to the case: a party's evidence or answer within an open period, or an office record. The
     * file is stored by content and its SHA-256 written into the audit log in this transaction.
     */
    public CaseFileView addFile(long caseId, String category, String description, EvidenceUpload upload,
            ZhibaoUser user) {
        return addFile(caseId, category, description, upload, null, user);
    }

    /**
     * Adds a file that corrects an earlier one of the same side: the earlier file stays as it was (files are
     * never changed), the new one names it as the version it supersedes.
     */
    public CaseFileView addFile(long caseId, String category, String description, EvidenceUpload upload,
            Long supersedes, ZhibaoUser user) {
        AdjudicationCase c = cases.lock(caseId).orElseThrow(() -> !user.isOfficial() || handler(user)
                ? new CaseNotFound() : new AccessDeniedException("Only handling officials and members add files"));
        String byRole;
        if (user.isOfficial()) {
            requireActing(c, user);
            byRole = "OFFICE";
            if (!List.of("HEARING_RECORD", "TECHNICAL_OPINION", "MEDIATION_RECORD", "MEDIATION_AGREEMENT",
                    "PANEL_MINUTES", "OTHER").contains(category)) {
                throw new CaseRefused("adjudication.file.category-invalid");
            }
            if (category.equals("TECHNICAL_OPINION") && c.activeMembers().stream().noneMatch(m ->
                    m.accountId() == user.accountId() && m.role() == MemberRole.TECHNICAL_INVESTIGATOR)) {
                throw new CaseRefused("adjudication.file.opinion-by-investigator");
            }
        }
        else {
            PartyRole role = c.roleOf(user.accountId()).orElseThrow(CaseNotFound::new);
            byRole = role.name();
            if (c.status.isClosed() && c.status != CaseStatus.DECIDED || c.status == CaseStatus.DECIDED) {
                throw new CaseRefused("adjudication.file.case-closed");
            }
            if (role == PartyRole.RESPONDENT) {
                if (!List.of("ANSWER", "EVIDENCE").contains(category)) {
                    throw new CaseRefused("adjudication.file.category-invalid");
                }
                LocalDate answerEnds = CasePeriods.answerEnds(c, rules(c), deadlines);
                if (category.equals("ANSWER") && answerEnds != null && today().isAfter(answerEnds)) {
                    throw new CaseRefused("adjudication.answer.period-over", answerEnds);
                }
            }
            else if (!List.of("EVIDENCE", "CORRECTION").contains(category)) {
                throw new CaseRefused("adjudication.file.category-invalid");
            }
        }
        if (supersedes != null) {
            boolean own = jdbc.sql("select exists (select 1 from case_file where id = :f and case_id = :c and submitted_by_role = :r)")
                    .param("f", supersedes).param("c", c.id).param("r", byRole).query(Boolean.class).single();
            if (!own) {
                throw new CaseRefused("adjudication.file.supersedes-own-only");
            }
        }
        CaseFileView added = addStoredFile(c, category, description, upload, byRole, user);
        if (supersedes != null) {
            jdbc.sql("update case_file set supersedes = :old where id = :id").param("old", supersedes)
                    .param("id", added.id()).update();
            return queries.file(added.id()).orElseThrow();
        }
        return added;
    }

    private CaseFileView addStoredFile(AdjudicationCase c, String category, String description, EvidenceUpload upload,
            String byRole, ZhibaoUser user) {
        long id = jdbc.sql("""
                insert into case_file (case_id, category, submitted_by_role, description, file_name, media_type,
                    size_bytes, sha256, uploaded_by, served_to_requester, served_to_respondent)
                values (:case, :category, :role, :description, :name, :type, :size, :sha, :by, :toRequester,
                    :toRespondent) returning id""")
                .param("case", c.id).param("category", category).param("role", byRole)
                .param("description", description == null ? "" : description.strip())
                .param("name", upload.fileName()).param("type", upload.mediaType()).param("size", upload.sizeBytes())
                .param("sha", upload.sha256()).param("by", user.displayName())
                .param("toRequester", byRole.equals("REQUESTER")).param("toRespondent", byRole.equals("RESPONDENT"))
                .query(Long.class).single();
        cases.event(c.id, user.displayName(), "file-added", upload.fileName());
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("file", String.valueOf(id));
        detail.put("category", category);
        detail.put("name", upload.fileName());
        detail.put("mediaType", upload.mediaType());
        detail.put("sha256", upload.sha256());
        detail.put("size", String.valueOf(upload.sizeBytes()));
        audited("adjudication.file.receive", c, detail);
        return queries.file(id).orElseThrow();
    }

    // ------------------------------------------------------------------ reading

    /** The case as {@code user} may see it; absent when it does not exist or lies beyond the user's reach. */
    @Transactional(readOnly = true)
    public Optional<CaseView> find(long caseId, ZhibaoUser user) {
        return cases.find(caseId).filter(c -> canSee(c, user)).map(c -> view(c, user));
    }

    @Transactional(readOnly = true)
    public List<RunningPeriod> periods(long caseId, ZhibaoUser user) {
        return find(caseId, user).map(CaseView::periods).orElseThrow(CaseNotFound::new);
    }

    /** A party's or official's file, if the user may see it (parties see what was served on them). */
    @Transactional(readOnly = true)
    public Optional<CaseFileView> file(long caseId, long fileId, ZhibaoUser user) {
        return find(caseId, user).flatMap(view -> view.files().stream().filter(f -> f.id() == fileId).findFirst());
    }

    @Transactional(readOnly = true)
    public Optional<CaseDocumentView> document(long caseId, long documentId, ZhibaoUser user) {
        return find(caseId, user).flatMap(view -> view.documents().stream().filter(d -> d.id() == documentId).findFirst());
    }

    // ------------------------------------------------------------------ internals

    CaseView view(AdjudicationCase c, ZhibaoUser user) {
        Optional<PartyRole> role = user.isOfficial() ? Optional.empty() : c.roleOf(user.accountId());
        return queries.view(c, rules(c), role, today());
    }

    private boolean canSee(AdjudicationCase c, ZhibaoUser user) {
        if (user.isOfficial()) {
            return user.jurisdiction() != null && user.jurisdiction().covers(RegionCode.of(c.officeRegion));
        }
        return c.isParty(user.accountId());
    }

    /** The case, locked, for an official of the office that holds it; others are refused. */
    private AdjudicationCase handle(long caseId, ZhibaoUser user) {
        AdjudicationCase c = cases.lock(caseId).orElseThrow(() -> handler(user) ? new CaseNotFound()
                : new AccessDeniedException("Only handling officials and the case's members act on cases"));
        requireActing(c, user);
        return c;
    }

    private void requireActing(AdjudicationCase c, ZhibaoUser user) {
        if (!handler(user) && c.activeMembers().stream().noneMatch(m -> m.accountId() == user.accountId())) {
            throw new AccessDeniedException("Only handling officials and the case's members act on case " + c.id);
        }
        if (!canSee(c, user)) {
            throw new CaseNotFound();
        }
        if (!user.isOfficial() || user.officeId() != c.officeId
                || !(user.has(Role.OFFICER) || user.has(Role.DIVISION_CHIEF) || user.has(Role.DIRECTOR)
                        || user.has(Role.TECHNICAL_INVESTIGATOR) || user.has(Role.MEDIATOR))) {
            throw new AccessDeniedException("Case " + c.id + " is handled by another office");
        }
        if (!(user.has(Role.OFFICER) || user.has(Role.DIVISION_CHIEF) || user.has(Role.DIRECTOR))
                && c.activeMembers().stream().noneMatch(m -> m.accountId() == user.accountId())) {
            throw new AccessDeniedException("Only members act on case " + c.id);
        }
    }

    private static boolean handler(ZhibaoUser user) {
        return user.isOfficial() && (user.has(Role.OFFICER) || user.has(Role.DIVISION_CHIEF) || user.has(Role.DIRECTOR));
    }

    private static void requireHead(ZhibaoUser user) {
        if (!user.isOfficial() || !user.has(Role.DIRECTOR)) {
            throw new AccessDeniedException("Only the office head decides this");
        }
    }

    private AdjudicationCase asParty(long caseId, ZhibaoUser user, PartyRole role) {
        AdjudicationCase c = cases.lock(caseId).orElseThrow(CaseNotFound::new);
        if (user.isOfficial() || c.roleOf(user.accountId()).filter(r -> r == role).isEmpty()) {
            if (canSee(c, user)) {
                throw new AccessDeniedException("Only the " + role + " does this");
            }
            throw new CaseNotFound();
        }
        return c;
    }

    private AdjudicationCase asAnyParty(long caseId, ZhibaoUser user) {
        AdjudicationCase c = cases.lock(caseId).orElseThrow(CaseNotFound::new);
        if (user.isOfficial() || c.roleOf(user.accountId()).isEmpty()) {
            throw new CaseNotFound();
        }
        return c;
    }

    private void finish(AdjudicationCase c, ZhibaoUser user, String event, String detail, Map<String, String> audit) {
        cases.save(c);
        cases.event(c.id, user.displayName(), event, detail == null || detail.isBlank() ? null : detail.strip());
        Map<String, String> entry = new LinkedHashMap<>(audit);
        entry.put("status", c.status.name());
        audited("adjudication." + event, c, entry);
    }

    private void audited(String action, AdjudicationCase c, Map<String, String> detail) {
        audit.recordForCurrentUser(action, "adjudication-case/" + c.id, "ok", detail);
    }

    ProcedureRules rules(AdjudicationCase c) {
        return ProcedureRules.named(c.rules);
    }

    /** The simplified procedure of the user's province, if it has one. */
    @Transactional(readOnly = true)
    public Optional<SimplifiedProcedure> simplifiedProcedure(ZhibaoUser user) {
        if (!user.isOfficial() || user.jurisdiction().isNational()) {
            return Optional.empty();
        }
        return simplifiedRule(user.jurisdiction().root().value());
    }

    /**
     * The provincial office's director sets the province's simplified procedure (the national measures leave it
     * to the provinces): its time limit in days from docketing and its basis (the local rule).
     */
    public void setSimplifiedProcedure(int timeLimitDays, String basis, ZhibaoUser user) {
        if (!user.isOfficial() || !user.has(Role.DIRECTOR)) {
            throw new AccessDeniedException("A provincial office's director sets the simplified procedure");
        }
        if (user.jurisdiction().root().level() != RegionLevel.PROVINCE) {
            throw new CaseRefused("adjudication.simplified.province-only");
        }
        if (timeLimitDays < 10 || timeLimitDays > 90) {
            throw new CaseRefused("adjudication.simplified.days-range", 10, 90);
        }
        if (basis == null || basis.isBlank()) {
            throw new CaseRefused("adjudication.simplified.basis-required");
        }
        String province = user.jurisdiction().root().value().substring(0, 2);
        jdbc.sql("""
                insert into simplified_procedure (province_code, time_limit_days, basis, changed_by)
                values (:p, :days, :basis, :by)
                on conflict (province_code) do update set time_limit_days = excluded.time_limit_days,
                    basis = excluded.basis, changed_by = excluded.changed_by, changed_at = now()""")
                .param("p", province).param("days", timeLimitDays).param("basis", basis.strip())
                .param("by", user.username()).update();
        audit.recordForCurrentUser("adjudication.simplified.set", "province/" + province, "ok",
                Map.of("days", String.valueOf(timeLimitDays), "basis", basis.strip()));
    }

    Optional<SimplifiedProcedure> simplifiedRule(String officeRegion) {
        return jdbc.sql("select province_code, time_limit_days, basis from simplified_procedure where province_code = :p")
                .param("p", officeRegion.substring(0, 2))
                .query((rs, n) -> new SimplifiedProcedure(rs.getString(1), rs.getInt(2), rs.getString(3))).optional();
    }

    private String accessCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            code.append(ACCESS_ALPHABET.charAt(random.nextInt(ACCESS_ALPHABET.length())));
        }
        return code.toString();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
