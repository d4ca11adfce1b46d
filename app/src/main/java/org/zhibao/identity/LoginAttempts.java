package org.zhibao.identity;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every proof of who one is — a password or a code at login, the current password or code on the profile —
 * takes an attempt first, in a transaction of its own (a refused proof must still count). When the count
 * reaches the lock, the account's sessions end as well: a borrowed session cannot keep guessing.
 */
@Component
class LoginAttempts {

    private final AccountRepository accounts;
    private final SecurityPolicies policies;
    private final Sessions sessions;

    LoginAttempts(AccountRepository accounts, SecurityPolicies policies, Sessions sessions) {
        this.accounts = accounts;
        this.policies = policies;
        this.sessions = sessions;
    }

    /** Takes an attempt; false when the account is locked (nothing may be checked then). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean take(Account account) {
        SecurityPolicy policy = policies.current();
        var count = accounts.takeLoginAttempt(account.id(), policy);
        if (count.isEmpty()) {
            return false;
        }
        if (count.getAsInt() >= policy.maxFailedAttempts()) {
            sessions.endAllOf(account.username());
        }
        return true;
    }

    /** The proof was right: the attempt taken for it, and earlier failures, no longer count. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void clear(Account account) {
        accounts.clearLoginAttempts(account.id());
    }
}
