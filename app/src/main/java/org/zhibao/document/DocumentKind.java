package org.zhibao.document;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.lang.reflect.RecordComponent;

/**
 * The documents an office issues in an adjudication case, each with its template and the record that holds
 * its facts; the record's component names are also the keys of the map form of the model.
 */
public enum DocumentKind {

    /** 受理通知书: the request is docketed; names the panel. */
    ACCEPTANCE_NOTICE(AcceptanceNotice.class),
    /** 不予受理通知书: the request is not docketed, with the reasons and the remedies. */
    NON_ACCEPTANCE_NOTICE(NonAcceptanceNotice.class),
    /** 补正通知书: everything still to supply, by a date the office sets. */
    CORRECTION_NOTICE(CorrectionNotice.class),
    /** 答辩通知书: tells the respondent to answer, sent with a copy of the request. */
    ANSWER_NOTICE(AnswerNotice.class),
    /** 口头审理通知书: when and where the hearing is. */
    HEARING_NOTICE(HearingNotice.class),
    /** 调解书: the agreement the parties reached, signed by them and sealed by the office. */
    MEDIATION_AGREEMENT(MediationAgreement.class),
    /** 裁决书: the decision, with the route and the period to sue. */
    DECISION(Decision.class),
    /** 移送通知: the request goes to the office that has jurisdiction. */
    TRANSFER_NOTICE(TransferNotice.class),
    /** 中止通知: the case is suspended and its clock stopped. */
    SUSPENSION_NOTICE(SuspensionNotice.class);

    private final Class<? extends DocumentContent> content;

    DocumentKind(Class<? extends DocumentContent> content) {
        this.content = content;
    }

    /** The record that holds this kind's facts. */
    public Class<? extends DocumentContent> contentType() {
        return content;
    }

    /** The keys the map form of the model must have: the names of the record's components. */
    public List<String> modelKeys() {
        return Arrays.stream(content.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    /** e.g. {@code acceptance-notice}: the template's name and the message prefix of the title. */
    String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
