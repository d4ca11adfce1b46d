package org.zhibao.document;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The TrueType font with CJK glyphs that documents embed. Only TrueType outlines work with the PDF renderer
 * (the OpenType/CFF Noto CJK fonts do not), so the default is WenQuanYi Zen Hei as Debian, Ubuntu and
 * Fedora install it. Looked up when a document is rendered, not at start: the application runs without it.
 */
final class DocumentFont {

    static final String DEBIAN_PACKAGE = "fonts-wqy-zenhei";

    static final List<Path> DEFAULT_LOCATIONS = List.of(
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"));

    private final String configured;

    /** @param configured the setting {@code zhibao.documents.font}: a font file, or blank for the defaults */
    DocumentFont(String configured) {
        this.configured = configured == null ? "" : configured.strip();
    }

    /** The font file, or a {@link DocumentFontMissing} that says what to install or configure. */
    Path file() {
        return find().orElseThrow(this::failure);
    }

    DocumentFontMissing failure() {
        return new DocumentFontMissing(configured.isEmpty()
                ? "No CJK font for documents in " + DEFAULT_LOCATIONS + ": install the Debian package "
                        + DEBIAN_PACKAGE + " or set zhibao.documents.font to a TrueType font file (.ttf or .ttc)"
                : "The document font zhibao.documents.font=" + configured + " is not a readable file; "
                        + "point it at a TrueType font (.ttf or .ttc), e.g. from the Debian package " + DEBIAN_PACKAGE);
    }

    Optional<Path> find() {
        if (!configured.isEmpty()) {
            return Optional.of(Path.of(configured)).filter(Files::isReadable);
        }
        return DEFAULT_LOCATIONS.stream().filter(Files::isReadable).findFirst();
    }
}
