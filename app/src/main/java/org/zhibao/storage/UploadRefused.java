package org.zhibao.storage;

import java.util.List;
import java.util.Locale;

import org.springframework.context.support.ResourceBundleMessageSource;

/** An upload refused as evidence; nothing was stored. {@link #message(Locale)} tells the uploader why. */
public class UploadRefused extends RuntimeException {

    /** Why, each with its message in the storage bundle ({@code storage.upload.refused.<reason>}). */
    public enum Reason {
        /** Nothing in the file. */
        EMPTY,
        /** Larger than {@code zhibao.evidence.max-bytes}; argument: the limit in MB. */
        TOO_LARGE,
        /** The content is of a kind not taken as evidence; argument: the detected media type. */
        TYPE_NOT_ALLOWED,
        /** The name's extension says another type than the content; arguments: the extension, the detected type. */
        EXTENSION_MISMATCH
    }

    private static final ResourceBundleMessageSource MESSAGES = bundle();

    private final Reason reason;
    private final List<Object> arguments;

    UploadRefused(Reason reason, Object... arguments) {
        super(reason + " " + List.of(arguments));
        this.reason = reason;
        this.arguments = List.of(arguments);
    }

    public Reason reason() {
        return reason;
    }

    /** The bundle key of the reason, for a caller that resolves messages itself. */
    public String messageCode() {
        return "storage.upload.refused." + reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public Object[] arguments() {
        return arguments.toArray();
    }

    /** Why the upload was refused, in the uploader's language. */
    public String message(Locale locale) {
        return MESSAGES.getMessage(messageCode(), arguments(), locale);
    }

    private static ResourceBundleMessageSource bundle() {
        ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();
        bundle.setBasename("i18n/storage");
        bundle.setDefaultEncoding("UTF-8");
        bundle.setFallbackToSystemLocale(false);
        return bundle;
    }
}
