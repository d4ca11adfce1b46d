package org.zhibao.adjudication;

import java.time.Instant;

/** A file in a case as a viewer may see it (never its stored location). */
public record CaseFileView(long id, String category, String submittedByRole, String description, String fileName,
        String mediaType, long sizeBytes, String sha256, String uploadedBy, Instant uploadedAt, Long supersedes,
        boolean servedToRequester, boolean servedToRespondent) {

    public String categoryCode() {
        return "adjudication.file-category." + category;
    }
}
