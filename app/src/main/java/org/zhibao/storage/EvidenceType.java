package org.zhibao.storage;

import java.util.Set;

/**
 * The kinds of file accepted as evidence, each with the media type it is served as and the file name
 * extensions that may name it. Scripts, executables, web pages and archives are not evidence.
 */
public enum EvidenceType {

    PDF("application/pdf", "pdf"),
    JPEG("image/jpeg", "jpg", "jpeg", "jpe"),
    PNG("image/png", "png"),
    GIF("image/gif", "gif"),
    TIFF("image/tiff", "tif", "tiff"),
    WEBP("image/webp", "webp"),
    MP4("video/mp4", "mp4", "m4v"),
    /** QuickTime, as phones record video. */
    MOV("video/quicktime", "mov"),
    MP3("audio/mpeg", "mp3"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    DOC("application/msword", "doc"),
    XLS("application/vnd.ms-excel", "xls"),
    /** 版式文档 (GB/T 33190), China's fixed-layout format for e-government documents: a ZIP with OFD.xml. */
    OFD("application/ofd", "ofd"),
    TEXT("text/plain", "txt");

    private final String mediaType;
    private final Set<String> extensions;

    EvidenceType(String mediaType, String... extensions) {
        this.mediaType = mediaType;
        this.extensions = Set.of(extensions);
    }

    public String mediaType() {
        return mediaType;
    }

    /** Lower-case, without the dot. */
    public Set<String> extensions() {
        return extensions;
    }
}
