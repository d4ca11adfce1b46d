package org.zhibao.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import org.zhibao.TestBundles;

class EvidenceUploadsTests {

    @TempDir
    Path dir;

    EvidenceUploads uploads(long maxBytes) {
        return new EvidenceUploads(new FileStore(dir), DataSize.ofBytes(maxBytes));
    }

    EvidenceFile accept(byte[] content, String name) {
        return uploads(1024 * 1024).accept(new ByteArrayInputStream(content), name);
    }

    @Test
    void acceptsEachTypeByItsContent() throws IOException {
        assertThat(accept(pdf(), "起诉材料.pdf").type()).isEqualTo(EvidenceType.PDF);
        assertThat(accept(image("png"), "photo.PNG").type()).isEqualTo(EvidenceType.PNG);
        assertThat(accept(image("jpeg"), "现场照片.jpg").type()).isEqualTo(EvidenceType.JPEG);
        assertThat(accept(image("gif"), "a.gif").type()).isEqualTo(EvidenceType.GIF);
        assertThat(accept(isoMedia("isom"), "录像.mp4").type()).isEqualTo(EvidenceType.MP4);
        assertThat(accept(isoMedia("qt  "), "IMG_0001.MOV").type()).isEqualTo(EvidenceType.MOV);
        assertThat(accept(zip("[Content_Types].xml", "word/document.xml"), "合同.docx").type())
                .isEqualTo(EvidenceType.DOCX);
        assertThat(accept(zip("[Content_Types].xml", "xl/workbook.xml"), "销售额.xlsx").type())
                .isEqualTo(EvidenceType.XLSX);
        assertThat(accept(zip("OFD.xml", "Doc_0/Document.xml"), "判决书.ofd").type()).isEqualTo(EvidenceType.OFD);
        assertThat(accept("侵权产品在某电商平台销售。\n".getBytes(StandardCharsets.UTF_8), "说明.txt").type())
                .isEqualTo(EvidenceType.TEXT);
    }

    @Test
    void storesUnderTheSha256AndKeepsTheNameOnlyForDisplay() throws Exception {
        byte[] content = pdf();
        EvidenceFile file = accept(content, "C:\\Users\\张三\\证据 1.pdf");

        assertThat(file.sha256()).isEqualTo(HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(content)));
        assertThat(file.size()).isEqualTo(content.length);
        assertThat(file.mediaType()).isEqualTo("application/pdf");
        assertThat(file.displayName()).isEqualTo("证据 1.pdf");
        assertThat(new FileStore(dir).exists(file.file())).isTrue();
    }

    @Test
    void refusesAnExecutableRenamedAsPdf() {
        byte[] exe = new byte[256];
        exe[0] = 'M';
        exe[1] = 'Z';
        assertRefused(exe, "invoice.pdf", UploadRefused.Reason.TYPE_NOT_ALLOWED);
    }

    @Test
    void refusesAWebPageRenamedAsJpeg() {
        byte[] html = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);
        assertRefused(html, "photo.jpg", UploadRefused.Reason.TYPE_NOT_ALLOWED);
    }

    @Test
    void refusesAnExtensionThatNamesAnotherAllowedType() throws IOException {
        UploadRefused refused = assertRefused(image("png"), "scan.pdf", UploadRefused.Reason.EXTENSION_MISMATCH);
        assertThat(refused.message(Locale.SIMPLIFIED_CHINESE)).contains(".pdf", "image/png");
    }

    @Test
    void refusesArchivesOtherThanOfficeAndOfdAndFilesWithMacros() throws IOException {
        assertRefused(zip("readme.txt", "payload.exe"), "evidence.zip", UploadRefused.Reason.TYPE_NOT_ALLOWED);
        assertRefused(zip("readme.txt", "payload.exe"), "evidence.docx", UploadRefused.Reason.TYPE_NOT_ALLOWED);
        assertRefused(zip("[Content_Types].xml", "word/document.xml", "word/vbaProject.bin"), "合同.docx",
                UploadRefused.Reason.TYPE_NOT_ALLOWED);
    }

    @Test
    void refusesTooLargeAndEmptyFilesAndStoresNothing() throws IOException {
        assertThatThrownBy(() -> uploads(100).accept(new ByteArrayInputStream(new byte[101]), "a.txt"))
                .isInstanceOfSatisfying(UploadRefused.class,
                        e -> assertThat(e.reason()).isEqualTo(UploadRefused.Reason.TOO_LARGE));
        assertRefused(new byte[0], "a.pdf", UploadRefused.Reason.EMPTY);
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void acceptsANameWithoutExtensionAndNamesItByItsType() throws IOException {
        assertThat(accept(pdf(), "scan").displayName()).isEqualTo("scan");
        assertThat(accept(pdf(), null).displayName()).isEqualTo("pdf.pdf");
    }

    @Test
    void sanitisesTheDisplayName() {
        assertThat(EvidenceUploads.displayName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(EvidenceUploads.displayName("report\u202Efdp.exe")).isEqualTo("reportfdp.exe");
        assertThat(EvidenceUploads.displayName("...hidden.pdf")).isEqualTo("hidden.pdf");
        assertThat(EvidenceUploads.displayName("a<b>:c\"d|e?f*g\u0000.pdf")).isEqualTo("abcdefg.pdf");
        assertThat(EvidenceUploads.displayName("证".repeat(300) + ".pdf")).hasSize(EvidenceUploads.MAX_NAME_LENGTH)
                .endsWith(".pdf");
    }

    @Test
    void everyRefusalHasAMessageInBothLanguages() {
        var messages = TestBundles.of("i18n/storage");
        for (UploadRefused.Reason reason : UploadRefused.Reason.values()) {
            UploadRefused refused = new UploadRefused(reason, "x", "y");
            for (Locale locale : new Locale[] { Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH }) {
                assertThat(messages.getMessage(refused.messageCode(), refused.arguments(), locale)).isNotBlank();
            }
            assertThat(refused.message(Locale.ENGLISH)).isNotEqualTo(refused.message(Locale.SIMPLIFIED_CHINESE));
        }
    }

    UploadRefused assertRefused(byte[] content, String name, UploadRefused.Reason reason) {
        try {
            accept(content, name);
        }
        catch (UploadRefused e) {
            assertThat(e.reason()).as(name).isEqualTo(reason);
            return e;
        }
        throw new AssertionError(name + " was accepted");
    }

    /** The smallest PDF readers accept: a catalog, an empty page tree, a trailer. */
    static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
                + "2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n"
                + "trailer <</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] image(String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), format, out);
        return out.toByteArray();
    }

    /** An ISO base media file: the ftyp box with the major brand given, then an empty mdat box. */
    static byte[] isoMedia(String brand) {
        return HexFormat.of().parseHex("00000018" + "66747970" + HexFormat.of().formatHex(
                brand.getBytes(StandardCharsets.US_ASCII)) + "00000200" + "69736f6d" + "6d703431" + "00000008"
                + "6d646174");
    }

    static byte[] zip(String... names) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : names) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
