package org.zhibao.adjudication;

import java.util.List;
import java.util.regex.Pattern;

import org.zhibao.adjudication.AdjudicationCase.CaseParty;

/**
 * Masks personal data in a decision before it is published (art. 31): natural persons' names (parties without
 * a credit code), identity card numbers, mobile and fixed telephone numbers, e-mail addresses, and the
 * addresses of natural persons. Organisations' names stay: a published decision names the infringer.
 */
final class Redaction {

    private static final Pattern ID_CARD = Pattern.compile("(?<![0-9])[1-9]\\d{5}(18|19|20)\\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])\\d{3}[0-9Xx](?![0-9])");
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])1[3-9]\\d{9}(?![0-9])");
    private static final Pattern PHONE = Pattern.compile("(?<![0-9])0\\d{2,3}-?\\d{7,8}(?![0-9])");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

    private Redaction() {
    }

    static String mask(String text, List<CaseParty> parties) {
        String masked = text;
        for (CaseParty party : parties) {
            boolean person = party.creditCode() == null || party.creditCode().isBlank();
            if (person && party.name().length() >= 2) {
                masked = masked.replace(party.name(), party.name().charAt(0) + "某".repeat(party.name().length() - 1));
            }
            if (person && party.address().length() >= 4) {
                masked = masked.replace(party.address(), "***");
            }
        }
        masked = ID_CARD.matcher(masked).replaceAll("******************");
        masked = MOBILE.matcher(masked).replaceAll(m -> m.group().substring(0, 3) + "****" + m.group().substring(7));
        masked = PHONE.matcher(masked).replaceAll("****");
        masked = EMAIL.matcher(masked).replaceAll("***@***");
        return masked;
    }
}
