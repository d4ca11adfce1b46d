package org.zhibao.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class DocumentsTests {

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    final Documents documents = new Documents("");

    @ParameterizedTest
    @EnumSource(DocumentKind.class)
    void rendersEachKindInChineseWithTextThatCanBeExtracted(DocumentKind kind) throws Exception {
        GeneratedDocument document = documents.render(SampleDocuments.of(kind), CHINESE);

        String text = textOf(document.pdf()).replaceAll("\\s+", "");
        assertThat(text).contains(SampleDocuments.OFFICE, SampleDocuments.CASE_NUMBER, "（印章）", "2026年3月5日",
                title(kind, CHINESE));
        assertThat(text).contains(SampleDocuments.REQUESTER);
        assertThat(document.kind()).isEqualTo(kind);
        assertThat(document.fileName()).isEqualTo(title(kind, CHINESE) + "-" + SampleDocuments.CASE_NUMBER + ".pdf");
    }

    @ParameterizedTest
    @EnumSource(DocumentKind.class)
    void rendersEachKindInEnglish(DocumentKind kind) throws Exception {
        GeneratedDocument document = documents.render(SampleDocuments.of(kind), Locale.ENGLISH);

        String text = textOf(document.pdf()).replaceAll("\\s+", " ");
        assertThat(text).contains(title(kind, Locale.ENGLISH), "(Seal)", "5 March 2026",
                "Case No. " + SampleDocuments.CASE_NUMBER);
        assertThat(text).doesNotContain("（印章）", "你方", "年3月", "''");
    }

    @ParameterizedTest
    @EnumSource(DocumentKind.class)
    void embedsTheFontAndHashesExactlyTheBytes(DocumentKind kind) throws Exception {
        GeneratedDocument document = documents.render(SampleDocuments.of(kind), CHINESE);

        assertThat(document.sha256()).isEqualTo(
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(document.pdf())));
        List<PDFont> fonts = fontsOf(document.pdf());
        assertThat(fonts).isNotEmpty().allSatisfy(font -> assertThat(font.isEmbedded()).as(font.getName()).isTrue());
        assertThat(fonts).anySatisfy(font -> assertThat(font.getName()).contains("WenQuanYi"));
    }

    @Test
    void writesTheFactsWhereTheyBelong() throws Exception {
        String decision = textOf(documents.render(SampleDocuments.of(DocumentKind.DECISION), CHINESE).pdf())
                .replaceAll("\\s+", "");
        assertThat(decision).contains("请求人：杭州某某科技有限公司", "被请求人未在规定期限内提交答辩书",
                "1．被请求人立即停止制造、销售涉案产品。", "自收到本裁决书之日起15日内", "合议组成员：王明、李华、张伟",
                "被请求人的行为构成对请求人专利权的侵犯");
        String hearing = textOf(documents.render(SampleDocuments.of(DocumentKind.HEARING_NOTICE), CHINESE).pdf())
                .replaceAll("\\s+", "");
        assertThat(hearing).contains("2026年4月8日9时30分", "本局可以缺席审理").doesNotContain("按撤回请求处理");
    }

    @Test
    void takesTheModelAsAMapKeyedByTheRecordsComponents() throws Exception {
        DocumentContent sample = SampleDocuments.of(DocumentKind.TRANSFER_NOTICE);
        Map<String, Object> model = new LinkedHashMap<>();
        for (var component : sample.getClass().getRecordComponents()) {
            model.put(component.getName(), component.getAccessor().invoke(sample));
        }

        GeneratedDocument fromMap = documents.render(DocumentKind.TRANSFER_NOTICE, model, CHINESE);

        assertThat(textOf(fromMap.pdf()).replaceAll("\\s+", "")).contains("移送宁波市知识产权局处理");
        assertThat(DocumentKind.TRANSFER_NOTICE.modelKeys()).containsExactly("letterhead", "requester", "respondent",
                "patentNumber", "receivedOn", "transferredTo", "reason", "basis");
    }

    @Test
    void refusesAMapThatLacksAFact() {
        Map<String, Object> model = Map.of("letterhead", SampleDocuments.to("某人"));

        assertThatThrownBy(() -> documents.render(DocumentKind.SUSPENSION_NOTICE, model, CHINESE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("suspendedOn");
    }

    @Test
    void saysWhichPackageToInstallWhenNoFontIsFound() {
        Documents withoutFont = new Documents("/nonexistent/font.ttc");

        assertThatThrownBy(() -> withoutFont.render(SampleDocuments.of(DocumentKind.DECISION), CHINESE))
                .isInstanceOf(DocumentFontMissing.class).hasMessageContaining("fonts-wqy-zenhei")
                .hasMessageContaining("/nonexistent/font.ttc");
    }

    static String title(DocumentKind kind, Locale locale) {
        return org.zhibao.TestBundles.of("i18n/document").getMessage("document." + kind.slug() + ".title", null, locale);
    }

    static String textOf(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    static List<PDFont> fontsOf(byte[] pdf) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    fonts.add(resources.getFont(name));
                }
            }
        }
        return fonts;
    }
}
