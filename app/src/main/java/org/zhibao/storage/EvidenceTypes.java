package org.zhibao.storage;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

/**
 * Tells a file's type from its content, never from its name: Tika's magic-byte signatures for most
 * formats, and for the ZIP-based ones (Word, Excel, OFD) the names of the parts inside, read from the
 * archive's central directory without unpacking anything.
 */
final class EvidenceTypes {

    private static final Map<String, EvidenceType> BY_MEDIA_TYPE = Map.ofEntries(
            Map.entry("application/pdf", EvidenceType.PDF),
            Map.entry("image/jpeg", EvidenceType.JPEG),
            Map.entry("image/png", EvidenceType.PNG),
            Map.entry("image/gif", EvidenceType.GIF),
            Map.entry("image/tiff", EvidenceType.TIFF),
            Map.entry("image/webp", EvidenceType.WEBP),
            Map.entry("audio/mpeg", EvidenceType.MP3),
            Map.entry("text/plain", EvidenceType.TEXT));

    /** Tika's names for the two containers whose contents decide the type. */
    private static final Set<String> ZIP = Set.of("application/zip", "application/x-tika-ooxml");
    private static final String OLE2 = "application/x-tika-msoffice";
    /** ISO base media files, which Tika's signatures alone name loosely (often all QuickTime). */
    private static final Set<String> ISO_MEDIA = Set.of("video/mp4", "video/quicktime", "video/x-m4v");
    /** ftyp brands of MP4 video (ISO/IEC 14496-12 and -14, 3GPP's are not taken). */
    private static final Set<String> MP4_BRANDS = Set.of("isom", "iso2", "iso4", "iso5", "iso6", "mp41", "mp42",
            "avc1", "M4V ", "dash", "msnv");

    /** Magic bytes only: with no file name in the metadata, the name cannot sway the answer. */
    private final Detector detector = MimeTypes.getDefaultMimeTypes();

    /** What the content is as Tika names it, e.g. {@code application/x-msdownload} for an executable. */
    MediaType mediaTypeOf(Path content) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(content))) {
            return detector.detect(in, new Metadata());
        }
    }

    /**
     * The evidence type of the content, if it is one. {@code extension} only chooses between the formats that
     * share a container and cannot be told apart without parsing it (Word or Excel 97-2003, both OLE2).
     */
    Optional<EvidenceType> typeOf(Path content, MediaType detected, String extension) throws IOException {
        String base = detected.getBaseType().toString();
        if (ZIP.contains(base)) {
            return zipBased(content);
        }
        if (ISO_MEDIA.contains(base)) {
            return isoMedia(content);
        }
        if (OLE2.equals(base) || "application/msword".equals(base) || "application/vnd.ms-excel".equals(base)) {
            return switch (extension) {
                case "doc" -> Optional.of(EvidenceType.DOC);
                case "xls" -> Optional.of(EvidenceType.XLS);
                default -> Optional.empty();
            };
        }
        return Optional.ofNullable(BY_MEDIA_TYPE.get(base));
    }

    /** MP4 or QuickTime by the major brand of the first box, ftyp. */
    private static Optional<EvidenceType> isoMedia(Path content) throws IOException {
        byte[] head = new byte[12];
        try (InputStream in = Files.newInputStream(content)) {
            if (in.readNBytes(head, 0, head.length) < head.length) {
                return Optional.empty();
            }
        }
        if (!new String(head, 4, 4, StandardCharsets.ISO_8859_1).equals("ftyp")) {
            return Optional.empty();
        }
        String brand = new String(head, 8, 4, StandardCharsets.ISO_8859_1);
        if (brand.equals("qt  ")) {
            return Optional.of(EvidenceType.MOV);
        }
        return MP4_BRANDS.contains(brand) ? Optional.of(EvidenceType.MP4) : Optional.empty();
    }

    /** Word and Excel (OOXML) and OFD by their parts; other archives, and files with macros, are refused. */
    private static Optional<EvidenceType> zipBased(Path content) throws IOException {
        Set<String> names = new HashSet<>();
        try (ZipFile zip = new ZipFile(content.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements();) {
                names.add(entries.nextElement().getName());
            }
        }
        catch (ZipException e) {
            return Optional.empty();
        }
        if (names.stream().anyMatch(name -> name.toLowerCase(java.util.Locale.ROOT).endsWith("vbaproject.bin"))) {
            return Optional.empty();
        }
        if (names.contains("[Content_Types].xml") && names.contains("word/document.xml")) {
            return Optional.of(EvidenceType.DOCX);
        }
        if (names.contains("[Content_Types].xml") && names.contains("xl/workbook.xml")) {
            return Optional.of(EvidenceType.XLSX);
        }
        if (names.contains("OFD.xml")) {
            return Optional.of(EvidenceType.OFD);
        }
        return Optional.empty();
    }
}
