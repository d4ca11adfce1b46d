package org.zhibao.storage;

import java.io.InputStream;
import java.nio.file.Files;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

import org.apache.tika.mime.MediaType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

/**
 * Takes an uploaded file as evidence, or refuses it: the type is detected from the content and must be one
 * of {@link EvidenceType}; a file name whose extension names another type is refused as a lie about the
 * content (an executable renamed {@code .pdf}, a web page renamed {@code .jpg}); the size is limited by
 * {@code zhibao.evidence.max-bytes}. Accepted content is stored by its SHA-256; refused content is not
 * stored at all.
 */
@Service
public class EvidenceUploads {

    /** Enough for any name a person gives a file; longer names are cut, keeping the extension. */
    static final int MAX_NAME_LENGTH = 120;

    private final FileStore store;
    private final long maxBytes;
    private final EvidenceTypes types = new EvidenceTypes();

    EvidenceUploads(FileStore store, @Value("${zhibao.evidence.max-bytes:50MB}") DataSize maxBytes) {
        this.store = store;
        this.maxBytes = maxBytes.toBytes();
    }

    /**
     * Checks and stores one uploaded file.
     *
     * @param originalFileName the name the uploader's browser sent, possibly with a path; kept for display
     * @throws UploadRefused when the file is not taken as evidence; nothing is stored then
     */
    public EvidenceFile accept(InputStream content, String originalFileName) {
        String displayName = displayName(originalFileName);
        String extension = extensionOf(displayName);
        EvidenceType[] type = new EvidenceType[1];
        StoredFile stored;
        try {
            stored = store.store(content, maxBytes, file -> {
                if (Files.size(file) == 0) {
                    throw new UploadRefused(UploadRefused.Reason.EMPTY);
                }
                MediaType detected = types.mediaTypeOf(file);
                Optional<EvidenceType> evidence = types.typeOf(file, detected, extension);
                if (evidence.isEmpty()) {
                    throw new UploadRefused(UploadRefused.Reason.TYPE_NOT_ALLOWED, detected.getBaseType().toString());
                }
                if (!extension.isEmpty() && !evidence.get().extensions().contains(extension)) {
                    throw new UploadRefused(UploadRefused.Reason.EXTENSION_MISMATCH, extension,
                            evidence.get().mediaType());
                }
                type[0] = evidence.get();
            });
        }
        catch (FileStore.FileTooLarge e) {
            throw new UploadRefused(UploadRefused.Reason.TOO_LARGE, maxBytes / (1024 * 1024));
        }
        return new EvidenceFile(stored, type[0], displayName.isEmpty() ? type[0].name().toLowerCase(Locale.ROOT)
                + "." + type[0].extensions().stream().sorted().findFirst().orElseThrow() : displayName);
    }

    /**
     * The last segment of whatever path the browser sent, in NFC, without control and format characters
     * (e.g. a right-to-left override that makes {@code exe.pdf} read as {@code fdp.exe}), characters file
     * systems refuse, or leading dots; shortened keeping the extension. Empty when nothing is left.
     */
    static String displayName(String original) {
        if (original == null) {
            return "";
        }
        String name = Normalizer.normalize(original, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cc}\\p{Cf}<>:\"|?*]", "").replaceAll("\\s+", " ").strip();
        name = name.replaceFirst("^\\.+", "").strip();
        if (name.length() > MAX_NAME_LENGTH) {
            String extension = extensionOf(name);
            int keep = MAX_NAME_LENGTH - (extension.isEmpty() ? 0 : extension.length() + 1);
            if (Character.isHighSurrogate(name.charAt(keep - 1))) {
                keep--; // never half a character
            }
            name = name.substring(0, keep).strip() + (extension.isEmpty() ? "" : "." + extension);
        }
        return name;
    }

    /** Lower-case, without the dot; empty when the name has none. */
    static String extensionOf(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
