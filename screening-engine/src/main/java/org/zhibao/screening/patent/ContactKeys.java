package org.zhibao.screening.patent;

import org.zhibao.screening.ChineseText;

/** Contact details reduced to comparable keys: phone digits without the country code, lower-case e-mail. */
public final class ContactKeys {

    private ContactKeys() {
    }

    public static String phone(String phone) {
        if (phone == null) {
            return "";
        }
        StringBuilder kept = new StringBuilder(phone.length());
        for (int i = 0; i < phone.length(); i++) {
            char c = ChineseText.fold(phone.charAt(i));
            if (c >= '0' && c <= '9') {
                kept.append(c);
            }
        }
        String digits = kept.toString();
        if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        } else if (digits.startsWith("86") && digits.length() == 13) {
            digits = digits.substring(2);
        }
        return digits.length() >= 7 ? digits : "";
    }

    public static String email(String email) {
        if (email == null) {
            return "";
        }
        String e = ChineseText.fold(email).strip().toLowerCase(java.util.Locale.ROOT);
        return e.indexOf('@') > 0 ? e : "";
    }
}
