package org.zhibao.identity;

/**
 * What an account may do. Officials' roles are exercised inside their office's jurisdiction; the three
 * administrators (三权分立) are kept apart: no account holds two of them.
 */
public enum Role {
    OFFICER,
    DIVISION_CHIEF,
    DIRECTOR,
    TECHNICAL_INVESTIGATOR,
    MEDIATOR,
    PUBLIC_USER,
    PLATFORM,
    SYSTEM_ADMIN,
    SECURITY_ADMIN,
    AUDIT_ADMIN;

    /** Spring Security authority name, as checked by {@code hasRole('...')}. */
    public String authority() {
        return "ROLE_" + name();
    }

    public boolean isAdministrator() {
        return this == SYSTEM_ADMIN || this == SECURITY_ADMIN || this == AUDIT_ADMIN;
    }

    /** Officials work for an office; public users and platforms do not. */
    public boolean isOfficial() {
        return this != PUBLIC_USER && this != PLATFORM;
    }
}
