package org.zhibao.storage;

/**
 * A file as stored: its content's SHA-256 (hex, which is also its name) and its size in bytes.
 */
public record StoredFile(String sha256, long size) {

    public StoredFile {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("Not a SHA-256 in hex: " + sha256);
        }
    }
}
