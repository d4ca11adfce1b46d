package org.zhibao.adjudication;

import java.time.LocalDate;

/** An extension of a case's time limit waiting in the approving office's queue. */
public record ExtensionRequest(long id, long caseId, String caseNumber, String title, String handlingOffice,
        ExtensionLevel level, int months, String reasons, String requestedBy, LocalDate requestedOn) {
}
