package org.zhibao.adjudication;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.zhibao.patent.PatentKind;

/**
 * One adjudication case and everything the procedure's guards need to know about it. Every change goes through
 * a method here that checks the procedure first and throws {@link CaseRefused} (nothing changed) when the
 * procedure does not allow it; {@link Adjudication} loads, calls and saves in one transaction.
 */
class AdjudicationCase {

    long id;
    long officeId;
    String officeRegion;
    CaseKind kind;
    CaseStatus status;
    String rules;
    String caseNumber;
    String title;
    String patentNumber;
    PatentKind patentKind;
    String patentTitle;
    String claims;
    String facts;
    String requestedOrders;
    String infringementRegion;
    LocalDate genericPublishedOn;
    long filedBy;
    OffsetDateTime filedAt;
    LocalDate receivedOn;
    boolean reviewExtended;
    LocalDate correctionRequestedOn;
    LocalDate correctionDue;
    String correctionItems;
    LocalDate docketedOn;
    LocalDate servedOn;
    LocalDate answerReceivedOn;
    LocalDate answerForwardedOn;
    LocalDate hearingNoticedOn;
    LocalDateTime hearingAt;
    String hearingPlace;
    LocalDate heardOn;
    LocalDate decidedOn;
    String decisionOutcome;
    String decisionText;
    LocalDate decisionServedOn;
    LocalDate publishedOn;
    String publishedText;
    LocalDate closedOn;
    String closeReason;
    Long transferredTo;
    Long transferredFromCase;
    Integer simplifiedLimitDays;
    Long handlingOfficerId;
    String accessCodeHash;
    int version;

    final List<CaseParty> parties = new ArrayList<>();
    final List<CaseMember> members = new ArrayList<>();
    final List<ClockStop> stops = new ArrayList<>();
    final List<Extension> extensions = new ArrayList<>();
    Mediation mediation;

    record CaseParty(Long id, PartyRole role, int position, String name, String address, String creditCode,
            boolean domicileInChina, String agent, Long accountId, LocalDate servedOn, LocalDate receivedOn) {

        CaseParty served(LocalDate on, LocalDate received) {
            return new CaseParty(id, role, position, name, address, creditCode, domicileInChina, agent, accountId, on,
                    received);
        }

        CaseParty joinedBy(long account) {
            return new CaseParty(id, role, position, name, address, creditCode, domicileInChina, agent, account,
                    servedOn, receivedOn);
        }
    }

    record CaseMember(Long id, long accountId, String displayName, MemberRole role, LocalDate assignedOn,
            LocalDate removedOn, String removedReason) {

        boolean active() {
            return removedOn == null;
        }
    }

    record ClockStop(Long id, ClockStopReason reason, String grounds, LocalDate startedOn, LocalDate endedOn) {

        boolean open() {
            return endedOn == null;
        }
    }

    record Extension(Long id, ExtensionLevel level, int months, String reasons, String requestedBy,
            LocalDate requestedOn, long approvingOffice, String approvingRegion, String decidedBy,
            LocalDate decidedOn, Boolean approved, String decisionReasons) {

        boolean pending() {
            return decidedOn == null;
        }

        boolean granted() {
            return Boolean.TRUE.equals(approved);
        }
    }

    record Mediation(Long id, LocalDate startedOn, boolean requesterConsent, boolean respondentConsent,
            LocalDate endedOn, String outcome, String agreementTerms, LocalDate signedByPartiesOn, LocalDate sealedOn,
            String route, String routeCourt, LocalDate routeFiledOn, String routeResult, LocalDate routeResultOn) {
    }

    // ---- acceptance review (立案审查, arts. 16, 20)

    void requestCorrection(String items, LocalDate due, LocalDate today) {
        if (items == null || items.isBlank()) {
            throw new CaseRefused("adjudication.correction.items-required");
        }
        if (due == null || !due.isAfter(today)) {
            throw new CaseRefused("adjudication.correction.due-in-future");
        }
        if (correctionItems != null) {
            // art. 16: one written notice listing everything to supply
            throw new CaseRefused("adjudication.correction.only-once");
        }
        status = status.moveTo(CaseStatus.CORRECTION_REQUESTED);
        correctionItems = items.strip();
        correctionRequestedOn = today;
        correctionDue = due;
    }

    void correct(LocalDate today) {
        if (status != CaseStatus.CORRECTION_REQUESTED) {
            throw new IllegalTransition(status, CaseStatus.SUBMITTED);
        }
        if (status == CaseStatus.CORRECTION_REQUESTED && today.isAfter(correctionDue)) {
            throw new CaseRefused("adjudication.correction.too-late", correctionDue);
        }
        status = status.moveTo(CaseStatus.SUBMITTED);
        // the acceptance review runs again from the day the complete request is received
        receivedOn = today;
    }

    void extendReview() {
        requireStatus(CaseStatus.SUBMITTED);
        if (reviewExtended) {
            throw new CaseRefused("adjudication.review.extended-already");
        }
        reviewExtended = true;
    }

    void docket(String number, CaseKind procedure, Integer simplifiedDays, LocalDate today) {
        status = status.moveTo(CaseStatus.DOCKETED);
        caseNumber = number;
        kind = procedure;
        simplifiedLimitDays = simplifiedDays;
        docketedOn = today;
    }

    void refuse(String reasons, LocalDate today) {
        if (reasons == null || reasons.isBlank()) {
            throw new CaseRefused("adjudication.reasons-required");
        }
        status = status.moveTo(CaseStatus.NOT_DOCKETED);
        close(today, reasons);
    }

    void transfer(long toOffice, String reasons, LocalDate today) {
        if (reasons == null || reasons.isBlank()) {
            throw new CaseRefused("adjudication.reasons-required");
        }
        if (toOffice == officeId) {
            throw new CaseRefused("adjudication.transfer.same-office");
        }
        status = status.moveTo(CaseStatus.TRANSFERRED);
        transferredTo = toOffice;
        close(today, reasons);
    }

    // ---- service and answer (art. 22)

    void serve(long partyId, LocalDate servedDay, LocalDate receivedDay) {
        requireDocketed();
        if (receivedDay.isBefore(servedDay) || servedDay.isBefore(docketedOn)) {
            throw new CaseRefused("adjudication.service.dates-invalid");
        }
        CaseParty respondent = party(partyId).filter(p -> p.role() == PartyRole.RESPONDENT)
                .orElseThrow(() -> new CaseRefused("adjudication.party.unknown"));
        replace(respondent, respondent.served(servedDay, receivedDay));
        if (respondents().stream().allMatch(p -> p.servedOn() != null)) {
            servedOn = respondents().stream().map(CaseParty::servedOn).max(LocalDate::compareTo).orElseThrow();
        }
    }

    void fileAnswer(LocalDate today, LocalDate answerEnds) {
        requireDocketed();
        if (respondents().stream().noneMatch(p -> p.receivedOn() != null)) {
            throw new CaseRefused("adjudication.answer.not-served");
        }
        if (answerEnds != null && today.isAfter(answerEnds)) {
            throw new CaseRefused("adjudication.answer.period-over", answerEnds);
        }
        if (answerReceivedOn == null) {
            answerReceivedOn = today;
        }
    }

    void forwardAnswer(LocalDate today) {
        if (answerReceivedOn == null) {
            throw new CaseRefused("adjudication.answer.none");
        }
        if (answerForwardedOn != null) {
            throw new CaseRefused("adjudication.answer.forwarded-already");
        }
        answerForwardedOn = today;
    }

    // ---- panel and recusal (arts. 5, 20, 25)

    void assign(CaseMember member, boolean conflicted) {
        if (status.isClosed()) {
            throw new IllegalTransition(status, status);
        }
        if (conflicted) {
            throw new CaseRefused("adjudication.member.conflict", member.displayName());
        }
        if (activeMembers().stream().anyMatch(m -> m.accountId() == member.accountId())) {
            throw new CaseRefused("adjudication.member.assigned-already", member.displayName());
        }
        if (member.role() == MemberRole.HANDLING_OFFICER && kind.needsPanel()) {
            throw new CaseRefused("adjudication.member.panel-required");
        }
        if (member.role() == MemberRole.PRESIDING
                && activeMembers().stream().anyMatch(m -> m.role() == MemberRole.PRESIDING)) {
            throw new CaseRefused("adjudication.member.one-presiding");
        }
        if (member.role() == MemberRole.HANDLING_OFFICER
                && activeMembers().stream().anyMatch(m -> m.role() == MemberRole.HANDLING_OFFICER)) {
            throw new CaseRefused("adjudication.member.one-handling-officer");
        }
        members.add(member);
        if (member.role() == MemberRole.HANDLING_OFFICER || member.role() == MemberRole.PRESIDING) {
            handlingOfficerId = member.accountId();
        }
    }

    void removeMember(long memberId, String reason, LocalDate today) {
        CaseMember member = activeMembers().stream().filter(m -> m.id() == memberId).findFirst()
                .orElseThrow(() -> new CaseRefused("adjudication.member.unknown"));
        members.set(members.indexOf(member), new CaseMember(member.id(), member.accountId(), member.displayName(),
                member.role(), member.assignedOn(), today, reason));
        if (handlingOfficerId != null && handlingOfficerId == member.accountId()) {
            handlingOfficerId = null;
        }
    }

    /** The bench that decides: one handling officer, or for major and drug-patent cases an odd panel of 3+. */
    Optional<String> benchProblem() {
        long panel = activeMembers().stream().filter(m -> m.role().sitsOnPanel()).count();
        if (kind.needsPanel()) {
            boolean presiding = activeMembers().stream().anyMatch(m -> m.role() == MemberRole.PRESIDING);
            if (panel < 3 || panel % 2 == 0 || !presiding) {
                return Optional.of("adjudication.member.panel-incomplete");
            }
        }
        else if (panel == 0) {
            return Optional.of("adjudication.member.none");
        }
        else if (panel > 1 && (panel % 2 == 0 || activeMembers().stream().noneMatch(m -> m.role() == MemberRole.PRESIDING))) {
            return Optional.of("adjudication.member.panel-incomplete");
        }
        return Optional.empty();
    }

    // ---- oral hearing (arts. 26, 27)

    void scheduleHearing(LocalDateTime at, String place, LocalDate today, LocalDate earliest) {
        requireDocketed();
        benchProblem().ifPresent(problem -> {
            throw new CaseRefused(problem);
        });
        if (place == null || place.isBlank()) {
            throw new CaseRefused("adjudication.hearing.place-required");
        }
        if (at.toLocalDate().isBefore(earliest)) {
            throw new CaseRefused("adjudication.hearing.notice-too-short", earliest);
        }
        hearingNoticedOn = today;
        hearingAt = at;
        hearingPlace = place.strip();
        heardOn = null;
    }

    void recordHearing(LocalDate today) {
        requireDocketed();
        if (hearingAt == null) {
            throw new CaseRefused("adjudication.hearing.not-scheduled");
        }
        if (today.isBefore(hearingAt.toLocalDate())) {
            throw new CaseRefused("adjudication.hearing.not-yet", hearingAt.toLocalDate());
        }
        heardOn = hearingAt.toLocalDate();
    }

    // ---- suspension and time that does not count (arts. 28, 29, 37)

    void suspend(ClockStop stop) {
        status = status.moveTo(CaseStatus.SUSPENDED);
        startStop(stop);
    }

    void resume(LocalDate today) {
        if (status != CaseStatus.SUSPENDED) {
            throw new IllegalTransition(status, CaseStatus.DOCKETED);
        }
        status = status.moveTo(CaseStatus.DOCKETED);
        endStop(today);
    }

    void stopClock(ClockStop stop) {
        requireDocketed();
        if (stop.reason() == ClockStopReason.SUSPENSION) {
            throw new CaseRefused("adjudication.clock.use-suspension");
        }
        startStop(stop);
    }

    void restartClock(LocalDate today) {
        requireDocketed();
        endStop(today);
    }

    private void startStop(ClockStop stop) {
        if (stops.stream().anyMatch(ClockStop::open)) {
            throw new CaseRefused("adjudication.clock.stopped-already");
        }
        if (stop.grounds() == null || stop.grounds().isBlank()) {
            throw new CaseRefused("adjudication.reasons-required");
        }
        stops.add(stop);
    }

    private void endStop(LocalDate today) {
        ClockStop open = stops.stream().filter(ClockStop::open).findFirst()
                .orElseThrow(() -> new CaseRefused("adjudication.clock.not-stopped"));
        stops.set(stops.indexOf(open), new ClockStop(open.id(), open.reason(), open.grounds(), open.startedOn(),
                today.isBefore(open.startedOn()) ? open.startedOn() : today));
    }

    // ---- extension of the time limit (art. 37)

    void requestExtension(Extension extension, int maximumMonths, int baseMonths) {
        if (status != CaseStatus.DOCKETED && status != CaseStatus.SUSPENDED && status != CaseStatus.IN_MEDIATION) {
            throw new IllegalTransition(status, status);
        }
        if (kind == CaseKind.SIMPLIFIED) {
            throw new CaseRefused("adjudication.extension.simplified");
        }
        if (extension.reasons() == null || extension.reasons().isBlank()) {
            throw new CaseRefused("adjudication.reasons-required");
        }
        if (extensions.stream().anyMatch(Extension::pending)) {
            throw new CaseRefused("adjudication.extension.pending");
        }
        boolean headGranted = extensions.stream()
                .anyMatch(e -> e.granted() && e.level() == ExtensionLevel.OFFICE_HEAD);
        boolean higherGranted = extensions.stream()
                .anyMatch(e -> e.granted() && e.level() == ExtensionLevel.HIGHER_OFFICE);
        if (extension.level() == ExtensionLevel.OFFICE_HEAD && headGranted
                || extension.level() == ExtensionLevel.HIGHER_OFFICE && higherGranted) {
            throw new CaseRefused("adjudication.extension.granted-already");
        }
        if (extension.level() == ExtensionLevel.HIGHER_OFFICE && !headGranted) {
            throw new CaseRefused("adjudication.extension.head-first");
        }
        if (baseMonths + grantedMonths() + extension.months() > maximumMonths) {
            throw new CaseRefused("adjudication.extension.beyond-maximum", maximumMonths);
        }
        extensions.add(extension);
    }

    void decideExtension(long extensionId, boolean approve, String reasons, String by, LocalDate today) {
        Extension pending = extensions.stream().filter(e -> e.id() == extensionId && e.pending()).findFirst()
                .orElseThrow(() -> new CaseRefused("adjudication.extension.none-pending"));
        if (!approve && (reasons == null || reasons.isBlank())) {
            throw new CaseRefused("adjudication.reasons-required");
        }
        extensions.set(extensions.indexOf(pending), new Extension(pending.id(), pending.level(), pending.months(),
                pending.reasons(), pending.requestedBy(), pending.requestedOn(), pending.approvingOffice(),
                pending.approvingRegion(), by, today, approve, reasons == null ? "" : reasons.strip()));
    }

    int grantedMonths() {
        return extensions.stream().filter(Extension::granted).mapToInt(Extension::months).sum();
    }

    // ---- mediation (art. 35; judicial confirmation per the work plan)

    void startMediation(boolean requesterConsent, boolean respondentConsent, LocalDate today) {
        if (!requesterConsent || !respondentConsent) {
            throw new CaseRefused("adjudication.mediation.consent-required");
        }
        status = status.moveTo(CaseStatus.IN_MEDIATION);
        mediation = new Mediation(null, today, true, true, null, null, null, null, null, null, null, null, null, null);
    }

    void mediationAgreed(String terms, LocalDate signedOn, LocalDate today) {
        if (status != CaseStatus.IN_MEDIATION) {
            throw new IllegalTransition(status, CaseStatus.MEDIATED);
        }
        if (terms == null || terms.isBlank()) {
            throw new CaseRefused("adjudication.mediation.terms-required");
        }
        if (signedOn == null || signedOn.isAfter(today) || signedOn.isBefore(mediation.startedOn())) {
            throw new CaseRefused("adjudication.mediation.signed-date-invalid");
        }
        status = status.moveTo(CaseStatus.MEDIATED);
        mediation = new Mediation(mediation.id(), mediation.startedOn(), true, true, today, "AGREED", terms.strip(),
                signedOn, today, "NONE", null, null, null, null);
        close(today, null);
    }

    void mediationFailed(LocalDate today) {
        if (status != CaseStatus.IN_MEDIATION) {
            throw new IllegalTransition(status, CaseStatus.DOCKETED);
        }
        status = status.moveTo(CaseStatus.DOCKETED);
        mediation = new Mediation(mediation.id(), mediation.startedOn(), true, true, today, "FAILED", null, null,
                null, null, null, null, null, null);
    }

    void recordEnforceabilityRoute(String route, String court, LocalDate filedOn, String result, LocalDate resultOn) {
        if (status != CaseStatus.MEDIATED || mediation == null) {
            throw new CaseRefused("adjudication.mediation.route-after-agreement");
        }
        if (!route.equals("NOTARISATION") && !route.equals("JUDICIAL_CONFIRMATION")) {
            throw new CaseRefused("adjudication.mediation.route-invalid");
        }
        if (route.equals("JUDICIAL_CONFIRMATION") && (court == null || court.isBlank())) {
            throw new CaseRefused("adjudication.mediation.court-required");
        }
        mediation = new Mediation(mediation.id(), mediation.startedOn(), true, true, mediation.endedOn(),
                mediation.outcome(), mediation.agreementTerms(), mediation.signedByPartiesOn(), mediation.sealedOn(),
                route, court == null ? null : court.strip(), filedOn, result, resultOn);
    }

    // ---- decision and after (arts. 31, 80)

    void decide(String outcome, String text, LocalDate today, LocalDate answerEnds) {
        if (status != CaseStatus.DOCKETED) {
            throw new IllegalTransition(status, CaseStatus.DECIDED);
        }
        benchProblem().ifPresent(problem -> {
            throw new CaseRefused(problem);
        });
        if (servedOn == null) {
            throw new CaseRefused("adjudication.decision.not-served");
        }
        if (answerReceivedOn == null && answerEnds != null && !today.isAfter(answerEnds)) {
            throw new CaseRefused("adjudication.decision.answer-period-open", answerEnds);
        }
        if (!"INFRINGEMENT".equals(outcome) && !"NO_INFRINGEMENT".equals(outcome)) {
            throw new CaseRefused("adjudication.decision.outcome-required");
        }
        if (text == null || text.isBlank()) {
            throw new CaseRefused("adjudication.decision.text-required");
        }
        status = status.moveTo(CaseStatus.DECIDED);
        decidedOn = today;
        decisionOutcome = outcome;
        decisionText = text.strip();
    }

    void serveDecision(LocalDate receivedOn) {
        if (status != CaseStatus.DECIDED) {
            throw new CaseRefused("adjudication.decision.none");
        }
        if (receivedOn.isBefore(decidedOn)) {
            throw new CaseRefused("adjudication.service.dates-invalid");
        }
        decisionServedOn = receivedOn;
    }

    void publish(String redacted, LocalDate today) {
        if (status != CaseStatus.DECIDED) {
            throw new CaseRefused("adjudication.decision.none");
        }
        if (publishedOn != null) {
            throw new CaseRefused("adjudication.publication.published-already");
        }
        publishedOn = today;
        publishedText = redacted;
    }

    void withdraw(String reason, LocalDate today) {
        status = status.moveTo(CaseStatus.WITHDRAWN);
        close(today, reason == null ? "" : reason.strip());
    }

    // ---- helpers

    String reference() {
        return caseNumber != null ? caseNumber : "#" + id;
    }

    boolean isParty(long accountId) {
        return filedBy == accountId || parties.stream().anyMatch(p -> p.accountId() != null && p.accountId() == accountId);
    }

    Optional<PartyRole> roleOf(long accountId) {
        if (filedBy == accountId) {
            return Optional.of(PartyRole.REQUESTER);
        }
        return parties.stream().filter(p -> p.accountId() != null && p.accountId() == accountId)
                .map(CaseParty::role).findFirst();
    }

    List<CaseParty> respondents() {
        return parties.stream().filter(p -> p.role() == PartyRole.RESPONDENT).toList();
    }

    CaseParty requester() {
        return parties.stream().filter(p -> p.role() == PartyRole.REQUESTER).findFirst().orElseThrow();
    }

    List<CaseMember> activeMembers() {
        return members.stream().filter(CaseMember::active).toList();
    }

    Optional<CaseParty> party(long partyId) {
        return parties.stream().filter(p -> p.id() != null && p.id() == partyId).findFirst();
    }

    private void replace(CaseParty old, CaseParty updated) {
        parties.set(parties.indexOf(old), updated);
    }

    void joinAsRespondent(long partyId, long accountId) {
        CaseParty respondent = party(partyId).filter(p -> p.role() == PartyRole.RESPONDENT)
                .orElseThrow(() -> new CaseRefused("adjudication.party.unknown"));
        replace(respondent, respondent.joinedBy(accountId));
    }

    private void requireDocketed() {
        if (status != CaseStatus.DOCKETED) {
            throw new CaseRefused("adjudication.case.not-docketed", status.messageCode());
        }
    }

    private void requireStatus(CaseStatus expected) {
        if (status != expected) {
            throw new CaseRefused("adjudication.case.not-docketed", status.messageCode());
        }
    }

    private void close(LocalDate today, String reason) {
        closedOn = today;
        closeReason = reason;
    }
}
