package org.zhibao;

import org.springframework.context.support.ResourceBundleMessageSource;

/** A module's message bundle as the application reads it (UTF-8, no fall-back to the machine's locale). */
public final class TestBundles {

    private TestBundles() {
    }

    public static ResourceBundleMessageSource of(String basename) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename(basename);
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
