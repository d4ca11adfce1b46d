package org.zhibao.adjudication;

import org.zhibao.identity.Role;

/** What an official does in one case, and the account role it takes. */
public enum MemberRole {
    /** 承办人: the officer who handles an ordinary case. */
    HANDLING_OFFICER(Role.OFFICER),
    /** 审理长: presides over a panel. */
    PRESIDING(Role.OFFICER),
    /** 合议组成员. */
    PANEL_MEMBER(Role.OFFICER),
    /** 技术调查官: assists on technical facts and files an opinion; does not vote. */
    TECHNICAL_INVESTIGATOR(Role.TECHNICAL_INVESTIGATOR),
    /** 调解员. */
    MEDIATOR(Role.MEDIATOR);

    private final Role needs;

    MemberRole(Role needs) {
        this.needs = needs;
    }

    /** The account role a member in this place must hold (division chiefs and directors may sit as officers). */
    public Role needs() {
        return needs;
    }

    public boolean sitsOnPanel() {
        return this == HANDLING_OFFICER || this == PRESIDING || this == PANEL_MEMBER;
    }

    public String messageCode() {
        return "adjudication.member-role." + name();
    }
}
