package org.zhibao.identity;

/** What kind of member of the public registered: a person, an organisation, or an agency acting for others. */
public enum PartyType {
    INDIVIDUAL, ORGANIZATION, AGENCY
}
