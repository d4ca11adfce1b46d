package org.zhibao.screening;

/** An applicant as filed: name, address and unified social credit code (any may be empty). */
public record Applicant(String name, String address, String creditCode) {

    public Applicant {
        name = name == null ? "" : name;
        address = address == null ? "" : address;
        creditCode = creditCode == null ? "" : creditCode;
    }

    /** The identity an officer would use: the credit code when given, else the folded name. */
    public String identity() {
        if (!creditCode.isBlank()) {
            return ChineseText.fold(creditCode.strip());
        }
        return ChineseText.fold(ChineseText.withoutWhitespace(name));
    }
}
