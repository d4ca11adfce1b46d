package org.zhibao.identity;

import java.util.Set;

/**
 * An account set up at installation (the first administrators) or as demo data, with its roles and,
 * for officials, an already enrolled TOTP secret.
 *
 * @param officeId the official's office, {@code null} for public users and platforms
 * @param totpSecret base32 secret, or {@code null} to enrol at first login
 * @param passwordMustChange whether the holder must choose a new password at the first login (a one-time
 *        password handed out at installation)
 */
public record SeedAccount(String username, String displayName, Long officeId, String password, String totpSecret,
        Set<Role> roles, String email, PartyType partyType, boolean passwordMustChange) {

    /** An account whose password its holder may keep (demo data, tests). */
    public SeedAccount(String username, String displayName, Long officeId, String password, String totpSecret,
            Set<Role> roles, String email, PartyType partyType) {
        this(username, displayName, officeId, password, totpSecret, roles, email, partyType, false);
    }
}
