package org.zhibao.adjudication;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.zhibao.patent.PatentKind;

/**
 * A case as one viewer may see it: an official of the office or above sees it all; a party sees its status,
 * periods, and the files and documents served on it. Pages and the API read it; nothing here changes the case.
 *
 * @param viewerRole the viewer's side when the viewer is a party, empty for officials
 */
public record CaseView(long id, String caseNumber, String title, CaseKind kind, CaseStatus status, String rules,
        long officeId, String officeName, String officeRegion, String patentNumber, PatentKind patentKind,
        String patentTitle, String claims, String facts, String requestedOrders, String infringementRegion,
        String infringementPlace, OffsetDateTime filedAt, LocalDate receivedOn, boolean reviewExtended,
        LocalDate correctionDue, String correctionItems, LocalDate docketedOn, LocalDate servedOn,
        LocalDate answerReceivedOn, LocalDate answerForwardedOn, LocalDate hearingNoticedOn, LocalDateTime hearingAt,
        String hearingPlace, LocalDate heardOn, LocalDate decidedOn, String decisionOutcome, String decisionText,
        LocalDate decisionServedOn, LocalDate publishedOn, LocalDate closedOn, String closeReason,
        Integer simplifiedLimitDays, LocalDate genericPublishedOn, List<Party> parties, List<Member> members,
        List<RunningPeriod> periods, List<CaseEventView> events, List<CaseFileView> files,
        List<CaseDocumentView> documents, List<ExtensionView> extensions, List<StopView> stops,
        MediationView mediation, List<AftermathView> aftermath, Optional<PartyRole> viewerRole) {

    public record Party(long id, PartyRole role, String name, String address, String creditCode,
            boolean domicileInChina, String agent, boolean joined, LocalDate servedOn, LocalDate receivedOn) {
    }

    public record Member(long id, long accountId, String displayName, MemberRole role, LocalDate assignedOn,
            LocalDate removedOn, String removedReason) {
    }

    public record ExtensionView(long id, ExtensionLevel level, int months, String reasons, String requestedBy,
            LocalDate requestedOn, long approvingOffice, String decidedBy, LocalDate decidedOn, Boolean approved,
            String decisionReasons) {
    }

    public record StopView(long id, ClockStopReason reason, String grounds, LocalDate startedOn, LocalDate endedOn) {
    }

    public record MediationView(LocalDate startedOn, LocalDate endedOn, String outcome, String agreementTerms,
            LocalDate signedByPartiesOn, LocalDate sealedOn, String route, String routeCourt, LocalDate routeFiledOn,
            String routeResult, LocalDate routeResultOn) {
    }

    public record AftermathView(String kind, LocalDate happenedOn, String byWhom, String detail, String recordedBy) {
    }

    /** The case number once docketed, else a provisional reference. */
    public String reference() {
        return caseNumber != null ? caseNumber : "#" + id;
    }

    public boolean isOfficial() {
        return viewerRole.isEmpty();
    }

    public boolean isRequester() {
        return viewerRole.filter(r -> r == PartyRole.REQUESTER).isPresent();
    }

    public boolean isRespondent() {
        return viewerRole.filter(r -> r == PartyRole.RESPONDENT).isPresent();
    }

    public List<Party> requesters() {
        return parties.stream().filter(p -> p.role() == PartyRole.REQUESTER).toList();
    }

    public List<Party> respondents() {
        return parties.stream().filter(p -> p.role() == PartyRole.RESPONDENT).toList();
    }

    public List<Member> activeMembers() {
        return members.stream().filter(m -> m.removedOn() == null).toList();
    }

    public boolean suspended() {
        return status == CaseStatus.SUSPENDED;
    }

    public boolean clockStopped() {
        return stops.stream().anyMatch(s -> s.endedOn() == null);
    }

    public Optional<ExtensionView> pendingExtension() {
        return extensions.stream().filter(e -> e.decidedOn() == null).findFirst();
    }

    public boolean answerPeriodOpen() {
        return periods.stream().anyMatch(p -> (p.period() == Period.ANSWER
                || p.period() == Period.ANSWER_WITHOUT_DOMICILE_IN_CHINA) && p.state() == RunningPeriod.State.OPEN);
    }
}
