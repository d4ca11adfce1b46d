package org.zhibao.document;

/** No CJK font to render documents with: the message says which package to install or what to configure. */
public class DocumentFontMissing extends IllegalStateException {

    DocumentFontMissing(String message) {
        super(message);
    }
}
