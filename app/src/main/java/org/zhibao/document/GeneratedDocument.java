package org.zhibao.document;

/**
 * A rendered document: the PDF, the SHA-256 of exactly these bytes (hex), and a file name for download.
 */
public record GeneratedDocument(byte[] pdf, String sha256, DocumentKind kind, String fileName) {
}
