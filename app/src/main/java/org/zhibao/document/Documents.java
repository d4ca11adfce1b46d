package org.zhibao.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Service;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders official documents: a Thymeleaf template (XHTML, {@code templates/document/<kind>.html}) filled
 * with the document's facts and its own bundle ({@code i18n/document}) in the requested language, laid out
 * as PDF by openhtmltopdf with the CJK font embedded (subset), so that the text can be searched and copied.
 */
@Service
public class Documents {

    /** The family name the templates' CSS asks for, whatever font file stands behind it. */
    static final String FONT_FAMILY = "zhibao-cjk";

    private static final Log log = LogFactory.getLog(Documents.class);

    private final DocumentFont font;
    private final MessageSource messages;
    private final SpringTemplateEngine templates;

    Documents(@Value("${zhibao.documents.font:}") String font) {
        this.font = new DocumentFont(font);
        this.messages = bundle();
        this.templates = templateEngine(messages);
    }

    /** Renders a document from its typed facts. */
    public GeneratedDocument render(DocumentContent content, Locale locale) {
        Map<String, Object> model = new LinkedHashMap<>();
        Letterhead letterhead = content.letterhead();
        for (RecordComponent component : Letterhead.class.getRecordComponents()) {
            model.put(component.getName(), value(component, letterhead));
        }
        for (RecordComponent component : content.getClass().getRecordComponents()) {
            if (component.getType() != Letterhead.class) {
                model.put(component.getName(), value(component, content));
            }
        }
        return render(content.kind(), model, letterhead.caseNumber(), locale);
    }

    /**
     * Renders a document from a map whose keys are the component names of {@code kind}'s record
     * ({@link DocumentKind#modelKeys()}), checked by building that record.
     */
    public GeneratedDocument render(DocumentKind kind, Map<String, ?> model, Locale locale) {
        return render(contentOf(kind, model), locale);
    }

    /** Logs at start when documents cannot be rendered, rather than refusing to start. */
    @EventListener(ApplicationReadyEvent.class)
    void warnWhenTheFontIsMissing() {
        if (font.find().isEmpty()) {
            log.warn(font.failure().getMessage());
        }
    }

    private GeneratedDocument render(DocumentKind kind, Map<String, Object> facts, String caseNumber, Locale locale) {
        Path fontFile = font.file();
        Map<String, Object> model = new LinkedHashMap<>();
        facts.forEach((name, value) -> model.put(name, formatted(value, locale)));
        model.put("lang", locale.toLanguageTag());
        model.put("title", messages.getMessage("document." + kind.slug() + ".title", null, locale));
        String xhtml = templates.process("document/" + kind.slug(), new Context(locale, model));
        byte[] pdf = pdf(xhtml, fontFile);
        return new GeneratedDocument(pdf, sha256(pdf), kind, fileName((String) model.get("title"), caseNumber));
    }

    private static byte[] pdf(String xhtml, Path fontFile) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(fontFile.toFile(), FONT_FAMILY);
            builder.withHtmlContent(xhtml, null);
            builder.withProducer("zhibao");
            builder.toStream(out);
            builder.run();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Dates in the document's language; lists and text as given. */
    private Object formatted(Object value, Locale locale) {
        if (value instanceof LocalDate date) {
            return DateTimeFormatter.ofPattern(messages.getMessage("document.date.pattern", null, locale), locale)
                    .format(date);
        }
        if (value instanceof LocalDateTime time) {
            return DateTimeFormatter.ofPattern(messages.getMessage("document.date-time.pattern", null, locale), locale)
                    .format(time);
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        return value;
    }

    /** e.g. {@code 受理通知书-浙知裁字〔2026〕12号.pdf}, without characters file systems refuse. */
    static String fileName(String title, String caseNumber) {
        String name = (title + "-" + caseNumber).replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "").replaceAll("\\s+", "-");
        return name + ".pdf";
    }

    static DocumentContent contentOf(DocumentKind kind, Map<String, ?> model) {
        RecordComponent[] components = kind.contentType().getRecordComponents();
        List<String> missing = new ArrayList<>();
        Object[] arguments = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            if (!model.containsKey(name)) {
                missing.add(name);
            }
            arguments[i] = model.get(name);
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(kind + " needs " + missing + " (keys: " + kind.modelKeys() + ")");
        }
        try {
            Constructor<? extends DocumentContent> constructor = kind.contentType().getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return constructor.newInstance(arguments);
        }
        catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalArgumentException(e.getCause());
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(kind + ": a value of the wrong type among " + model.keySet(), e);
        }
        catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object value(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        }
        catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The documents' own bundle, so that they render the same wherever they are asked for. */
    private static MessageSource bundle() {
        ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();
        bundle.setBasename("i18n/document");
        bundle.setDefaultEncoding("UTF-8");
        bundle.setFallbackToSystemLocale(false);
        bundle.setAlwaysUseMessageFormat(true); // one quoting rule for every message, with or without arguments
        return bundle;
    }

    /** XML mode: openhtmltopdf needs well-formed XHTML, and the XML mode writes nothing else. */
    private static SpringTemplateEngine templateEngine(MessageSource messages) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.XML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
        return engine;
    }
}
