package org.zhibao.storage;

/**
 * Evidence as accepted and stored: the stored file (named by its SHA-256), its type as detected from the
 * content, and the uploader's file name made safe to display. The name is never used to find the file.
 */
public record EvidenceFile(StoredFile file, EvidenceType type, String displayName) {

    public String sha256() {
        return file.sha256();
    }

    public long size() {
        return file.size();
    }

    public String mediaType() {
        return type.mediaType();
    }
}
