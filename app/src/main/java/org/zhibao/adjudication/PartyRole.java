package org.zhibao.adjudication;

/** The two sides of a dispute: 请求人 (the patentee or interested party) and 被请求人 (the alleged infringer). */
public enum PartyRole {
    REQUESTER, RESPONDENT;

    public String messageCode() {
        return "adjudication.party-role." + name();
    }
}
