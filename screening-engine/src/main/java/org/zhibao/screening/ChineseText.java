package org.zhibao.screening;

import java.text.Normalizer;

/**
 * Normalised form of Chinese filing text, the common ground of every screening rule.
 */
public final class ChineseText {

    private ChineseText() {
    }

    /** NFKC folds full-width Latin letters, digits and punctuation to their half-width forms. */
    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
    }
}
