package org.zhibao.document;

import java.util.Collection;

/**
 * The facts of one document. Each kind has its own record, so that the compiler, not the template, says
 * what a document needs. Text fields are shown as given (in the document's language); dates are formatted
 * for the document's language.
 */
public sealed interface DocumentContent permits AcceptanceNotice, NonAcceptanceNotice, CorrectionNotice,
        AnswerNotice, HearingNotice, MediationAgreement, Decision, TransferNotice, SuspensionNotice {

    DocumentKind kind();

    Letterhead letterhead();

    static <T> T require(T value, String name) {
        if (value == null || value instanceof String s && s.isBlank()
                || value instanceof Collection<?> c && c.isEmpty()) {
            throw new IllegalArgumentException("A document needs " + name);
        }
        return value;
    }
}
