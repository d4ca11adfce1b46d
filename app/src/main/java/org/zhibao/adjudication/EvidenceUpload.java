package org.zhibao.adjudication;

/**
 * A file already checked and stored by content, ready to join a case.
 *
 * @param fileName the name the uploader gave it, cleaned, for display only
 * @param mediaType the type found in its content
 */
public record EvidenceUpload(String fileName, String mediaType, long sizeBytes, String sha256) {
}
