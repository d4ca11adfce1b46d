package org.zhibao.adjudication;

/** Who approves an extension of the case time limit (art. 37). */
public enum ExtensionLevel {
    /** One month, approved by the head of the office handling the case. */
    OFFICE_HEAD,
    /** Two more months for an especially complex case, approved by the next-higher office. */
    HIGHER_OFFICE;

    public String messageCode() {
        return "adjudication.extension-level." + name();
    }
}
