package org.zhibao.adjudication;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.zhibao.adjudication.AdjudicationCase.CaseParty;
import org.zhibao.audit.AuditLog;
import org.zhibao.document.AcceptanceNotice;
import org.zhibao.document.AnswerNotice;
import org.zhibao.document.CorrectionNotice;
import org.zhibao.document.Decision;
import org.zhibao.document.DocumentContent;
import org.zhibao.document.Documents;
import org.zhibao.document.GeneratedDocument;
import org.zhibao.document.HearingNotice;
import org.zhibao.document.Letterhead;
import org.zhibao.document.MediationAgreement;
import org.zhibao.document.NonAcceptanceNotice;
import org.zhibao.document.SuspensionNotice;
import org.zhibao.document.TransferNotice;
import org.zhibao.identity.ZhibaoUser;
import org.zhibao.office.OfficeView;
import org.zhibao.office.Offices;
import org.zhibao.storage.FileStore;
import org.zhibao.storage.StoredFile;

/**
 * Issues the official documents of a step (受理通知书, 答辩通知书, 裁决书 …) as PDF: filled from the case, in
 * Chinese (the language of the procedure), stored by content, recorded on the case as served on whom, and its
 * SHA-256 written into the audit log — in the step's own transaction.
 */
@Component
class CaseDocuments {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    private static final long MAX_BYTES = 20L * 1024 * 1024;

    private final Documents documents;
    private final FileStore store;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Offices offices;
    private final MessageSource messages;
    private final Clock clock;

    CaseDocuments(Documents documents, FileStore store, JdbcClient jdbc, AuditLog audit, Offices offices,
            MessageSource messages, Clock clock) {
        this.documents = documents;
        this.store = store;
        this.jdbc = jdbc;
        this.audit = audit;
        this.offices = offices;
        this.messages = messages;
        this.clock = clock;
    }

    void issue(AdjudicationCase c, String kind, boolean toRequester, boolean toRespondent, ZhibaoUser user) {
        issue(c, kind, toRequester, toRespondent, user, Map.of());
    }

    void issue(AdjudicationCase c, String kind, boolean toRequester, boolean toRespondent, ZhibaoUser user,
            Map<String, String> extra) {
        ProcedureRules rules = ProcedureRules.named(c.rules);
        if (kind.equals("HEARING_NOTICE")) {
            store(c, content(c, kind, rules, extra, HearingNotice.Recipient.REQUESTER), true, false, user);
            store(c, content(c, kind, rules, extra, HearingNotice.Recipient.RESPONDENT), false, true, user);
            return;
        }
        store(c, content(c, kind, rules, extra, null), toRequester, toRespondent, user);
    }

    private void store(AdjudicationCase c, DocumentContent content, boolean toRequester, boolean toRespondent,
            ZhibaoUser user) {
        GeneratedDocument pdf = documents.render(content, CHINESE);
        StoredFile stored = store.store(new ByteArrayInputStream(pdf.pdf()), MAX_BYTES);
        long id = jdbc.sql("""
                insert into case_document (case_id, kind, file_name, sha256, size_bytes, created_by,
                    served_to_requester, served_to_respondent)
                values (:case, :kind, :name, :sha, :size, :by, :toRequester, :toRespondent) returning id""")
                .param("case", c.id).param("kind", pdf.kind().name()).param("name", pdf.fileName())
                .param("sha", stored.sha256()).param("size", stored.size()).param("by", user.displayName())
                .param("toRequester", toRequester).param("toRespondent", toRespondent).query(Long.class).single();
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("document", String.valueOf(id));
        detail.put("kind", pdf.kind().name());
        detail.put("sha256", stored.sha256());
        detail.put("size", String.valueOf(stored.size()));
        audit.recordForCurrentUser("adjudication.document.issue", "adjudication-case/" + c.id, "ok", detail);
    }

    private DocumentContent content(AdjudicationCase c, String kind, ProcedureRules rules, Map<String, String> extra,
            HearingNotice.Recipient recipient) {
        String requester = c.requester().name();
        String respondents = String.join("\u3001", c.respondents().stream().map(CaseParty::name).toList());
        String patentTitle = c.patentTitle == null || c.patentTitle.isBlank() ? c.patentNumber : c.patentTitle;
        List<String> panel = c.activeMembers().stream().filter(m -> m.role().sitsOnPanel())
                .map(m -> m.displayName() + " (" + say(m.role().messageCode()) + ")").toList();
        int recusalDays = rules.rule(Period.RECUSAL_APPLICATION).length();
        LocalDate today = LocalDate.now(clock);
        String office = offices.find(c.officeId).map(OfficeView::name).orElse("");
        return switch (kind) {
            case "ACCEPTANCE_NOTICE" -> new AcceptanceNotice(letterhead(c, office, requester, today), requester,
                    respondents, c.patentNumber, patentTitle, c.receivedOn, c.docketedOn, panel, recusalDays,
                    say("adjudication.basis.art-20"));
            case "NON_ACCEPTANCE_NOTICE" -> new NonAcceptanceNotice(letterhead(c, office, requester, today), requester,
                    respondents, c.patentNumber, c.receivedOn, lines(c.closeReason), say("adjudication.basis.art-20"));
            case "CORRECTION_NOTICE" -> new CorrectionNotice(letterhead(c, office, requester, today), requester,
                    c.patentNumber, c.receivedOn, lines(c.correctionItems), c.correctionDue, say("adjudication.basis.art-16"));
            case "ANSWER_NOTICE" -> {
                String respondent = extra.getOrDefault("respondent", respondents);
                boolean abroad = c.respondents().stream().filter(p -> p.name().equals(respondent))
                        .anyMatch(p -> !p.domicileInChina());
                int answerDays = rules.rule(abroad ? Period.ANSWER_WITHOUT_DOMICILE_IN_CHINA : Period.ANSWER).length();
                List<String> enclosures = new java.util.ArrayList<>();
                enclosures.add(say("adjudication.document.request-copy"));
                jdbc.sql("select file_name from case_file where case_id = :id and submitted_by_role = 'REQUESTER' order by id")
                        .param("id", c.id).query(String.class).list().forEach(enclosures::add);
                enclosures.add(messages.getMessage("adjudication.document.access-code",
                        new Object[] { c.caseNumber, extra.getOrDefault("accessCode", "") }, CHINESE));
                yield new AnswerNotice(letterhead(c, office, respondent, today), requester, respondent, c.patentNumber,
                        patentTitle, c.docketedOn, answerDays, enclosures, panel, recusalDays,
                        say("adjudication.basis.art-22"));
            }
            case "HEARING_NOTICE" -> new HearingNotice(letterhead(c, office,
                    recipient == HearingNotice.Recipient.REQUESTER ? requester : respondents, today), recipient,
                    requester, respondents, c.patentNumber, c.hearingAt, c.hearingPlace,
                    c.hearingPlace.toLowerCase(Locale.ROOT).contains("online") || c.hearingPlace.contains("\u7ebf\u4e0a"),
                    panel, say("adjudication.basis.art-26"));
            case "MEDIATION_AGREEMENT" -> new MediationAgreement(new Letterhead(office, c.reference(), null, today, null),
                    requester, respondents, c.patentNumber, patentTitle, summary(c.facts),
                    lines(c.mediation.agreementTerms()), say("adjudication.basis.art-35"));
            case "DECISION" -> {
                boolean infringing = "INFRINGEMENT".equals(c.decisionOutcome);
                yield new Decision(new Letterhead(office, c.reference(), null, today, null), requester, respondents,
                        c.patentNumber, patentTitle, c.docketedOn,
                        summary(c.requestedOrders.isBlank() ? c.facts : c.requestedOrders), null, lines(c.decisionText),
                        List.of(say(infringing ? "adjudication.outcome.INFRINGEMENT" : "adjudication.outcome.NO_INFRINGEMENT")),
                        infringing, infringing ? List.of(messages.getMessage("adjudication.document.order-stop",
                                new Object[] { respondents, c.patentNumber }, CHINESE)) : List.of(),
                        rules.rule(Period.LAWSUIT).length(), panel, say("adjudication.basis.art-31"));
            }
            case "TRANSFER_NOTICE" -> new TransferNotice(letterhead(c, office, requester, today), requester, respondents,
                    c.patentNumber, c.receivedOn,
                    c.transferredTo == null ? "" : offices.find(c.transferredTo).map(OfficeView::name).orElse(""),
                    c.closeReason, say("adjudication.basis.art-6-8"));
            case "SUSPENSION_NOTICE" -> new SuspensionNotice(letterhead(c, office, requester, today), requester,
                    respondents, c.patentNumber, today,
                    c.stops.isEmpty() ? "" : c.stops.get(c.stops.size() - 1).grounds(), say("adjudication.basis.art-28"));
            default -> throw new IllegalArgumentException("No document " + kind);
        };
    }

    private static Letterhead letterhead(AdjudicationCase c, String office, String addressee, LocalDate today) {
        return new Letterhead(office, c.reference(), addressee, today, null);
    }

    private static List<String> lines(String text) {
        if (text == null || text.isBlank()) {
            return List.of("-");
        }
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static String summary(String text) {
        String t = text == null || text.isBlank() ? "-" : text.strip();
        return t.length() > 500 ? t.substring(0, 500) + "\u2026" : t;
    }

    private String say(String code) {
        return messages.getMessage(code, null, code, CHINESE);
    }
}
