package org.zhibao.identity;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.zhibao.region.RegionCode;

/**
 * An account as stored. Officials belong to an office; public users and platforms do not.
 */
record Account(long id, String username, String displayName, String email, String phone, PartyType partyType,
        String passwordHash, boolean passwordMustChange, Long officeId, RegionCode officeRegion, String totpSecret, boolean totpEnabled, Long totpLastStep,
        int failedAttempts, Instant lockedUntil, boolean enabled, Set<Role> roles) {

    Account {
        roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** Officials must use a second factor; others may choose to. */
    boolean requiresSecondFactor() {
        return officeId != null || totpEnabled;
    }

    boolean isOfficial() {
        return officeId != null;
    }
}
