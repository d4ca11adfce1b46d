package org.zhibao.adjudication;

/**
 * A party as the request names it.
 *
 * @param creditCode the 18-character unified social credit code (统一社会信用代码) of an organisation; blank
 *        for a natural person
 * @param domicileInChina false for a respondent with no domicile in China, whose answer period is longer
 * @param agent the party's agent (代理人), blank when none
 */
public record PartyInput(String name, String address, String creditCode, boolean domicileInChina, String agent) {

    public PartyInput {
        name = trim(name);
        address = trim(address);
        creditCode = trim(creditCode).toUpperCase(java.util.Locale.ROOT);
        agent = trim(agent);
    }

    static String trim(String text) {
        return text == null ? "" : text.strip();
    }
}
