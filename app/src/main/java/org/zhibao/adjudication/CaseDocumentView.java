package org.zhibao.adjudication;

import java.time.Instant;

/** An official document generated for a case (PDF), with its SHA-256 as recorded in the audit log. */
public record CaseDocumentView(long id, String kind, String fileName, String sha256, long sizeBytes, Instant createdAt,
        String createdBy, boolean servedToRequester, boolean servedToRespondent) {

    public String kindCode() {
        return "document.kind." + kind;
    }

    /** When, on the clock of China. */
    public java.time.LocalDateTime localTime() {
        return java.time.LocalDateTime.ofInstant(createdAt, java.time.ZoneId.of("Asia/Shanghai"));
    }
}
