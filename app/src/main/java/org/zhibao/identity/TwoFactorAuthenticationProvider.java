package org.zhibao.identity;

import java.time.Instant;
import java.util.OptionalLong;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Password and one-time code in one step. Every wrong password or code counts toward the lock; a locked
 * account is refused even with the right password until the lock ends. Unknown users cost the same hashing
 * time as known ones so that the answer time does not tell which usernames exist.
 */
class TwoFactorAuthenticationProvider implements AuthenticationProvider {

    /** Thrown when the password was right but the code is missing or wrong. */
    static class SecondFactorException extends BadCredentialsException {
        SecondFactorException(String message) {
            super(message);
        }
    }

    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final SecurityPolicies policies;
    private final Principals principals;
    private final Totp totp;
    private final TransactionTemplate transaction;
    private final String dummyHash;

    TwoFactorAuthenticationProvider(AccountRepository accounts, PasswordEncoder passwords, SecurityPolicies policies,
            Principals principals, Totp totp, TransactionTemplate transaction) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.policies = policies;
        this.principals = principals;
        this.totp = totp;
        this.transaction = transaction;
        this.dummyHash = passwords.encode("not-a-password-of-anyone");
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        Account account = accounts.findByUsername(username).orElse(null);
        if (account == null) {
            passwords.matches(password, dummyHash);
            throw new BadCredentialsException("Unknown user");
        }
        if (!account.enabled()) {
            throw new DisabledException("Account disabled");
        }
        if (account.lockedAt(Instant.now())) {
            throw new LockedException("Account locked until " + account.lockedUntil());
        }
        if (!passwords.matches(password, account.passwordHash())) {
            fail(account);
            throw new BadCredentialsException("Wrong password");
        }
        Object details = authentication.getDetails();
        if (!account.requiresSecondFactor()) {
            succeed(account, null);
            return principals.authenticated(account, details);
        }
        if (!account.totpEnabled()) {
            succeed(account, null);
            return principals.pendingEnrolment(account, details);
        }
        String code = details instanceof LoginDetails login ? login.code() : null;
        OptionalLong step = totp.verify(account.totpSecret(), code, account.totpLastStep());
        if (step.isEmpty()) {
            fail(account);
            throw new SecondFactorException(code == null || code.isEmpty() ? "Code missing" : "Wrong code");
        }
        succeed(account, step.getAsLong());
        return principals.authenticated(account, details);
    }

    private void fail(Account account) {
        SecurityPolicy policy = policies.current();
        transaction.executeWithoutResult(status -> accounts.recordFailedLogin(account.id(), policy));
    }

    private void succeed(Account account, Long step) {
        transaction.executeWithoutResult(status -> accounts.recordSuccessfulLogin(account.id(), step));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
