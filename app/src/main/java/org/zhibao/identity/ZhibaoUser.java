package org.zhibao.identity;

import java.io.Serializable;
import java.util.Set;

import org.springframework.security.core.AuthenticatedPrincipal;
import org.zhibao.region.Jurisdiction;

/**
 * Who is acting: the principal of every authenticated request, whether it came with a session or a
 * bearer token. Kept small and serializable: it lives in the shared session store.
 *
 * @param accountId the account's id
 * @param username the login name
 * @param displayName the name shown in the UI
 * @param officeId the office of an official, {@code null} for public users and platforms
 * @param officeName the office's name, {@code null} when there is no office
 * @param jurisdiction where the account may see and act, {@code null} for public users and platforms
 * @param roles what the account may do
 */
public record ZhibaoUser(long accountId, String username, String displayName, Long officeId,
        String officeName, Jurisdiction jurisdiction, Set<Role> roles) implements Serializable, AuthenticatedPrincipal {

    /** The name sessions are indexed by. */
    @Override
    public String getName() {
        return username;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isOfficial() {
        return officeId != null;
    }
}
