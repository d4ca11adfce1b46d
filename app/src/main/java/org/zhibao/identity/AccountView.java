package org.zhibao.identity;

import java.time.Instant;
import java.util.Set;

/** What other modules and pages may know of an account: never its secrets. */
public record AccountView(long id, String username, String displayName, String email, String phone,
        PartyType partyType, Long officeId, String officeRegion, boolean totpEnabled, boolean enabled,
        Instant lockedUntil, Set<Role> roles) {

    static AccountView of(Account a) {
        return new AccountView(a.id(), a.username(), a.displayName(), a.email(), a.phone(), a.partyType(),
                a.officeId(), a.officeRegion() == null ? null : a.officeRegion().value(), a.totpEnabled(),
                a.enabled(), a.lockedUntil(), a.roles());
    }

    public boolean locked() {
        return lockedUntil != null && lockedUntil.isAfter(Instant.now());
    }
}
