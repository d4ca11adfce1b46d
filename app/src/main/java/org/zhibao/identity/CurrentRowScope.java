package org.zhibao.identity;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.zhibao.database.RowScope;

/**
 * The database's row scope from the acting account: an official's jurisdiction, a public user's or
 * platform's own rows; without an authenticated account (login, registration, scheduled jobs) the system's.
 */
@Component
class CurrentRowScope implements RowScope.Source {

    @Override
    public RowScope current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof ZhibaoUser user)) {
            return RowScope.SYSTEM;
        }
        return user.jurisdiction() != null
                ? RowScope.jurisdiction(user.jurisdiction().codePrefix(), user.accountId())
                : RowScope.ownRowsOnly(user.accountId());
    }
}
