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
 * Password and one-time code in one step. Each attempt is counted before anything is checked, so a wrong
 * password or code counts toward the lock and parallel guesses cannot outrun it; a locked account is
 * refused, right password or not, until the lock ends. A code is used up atomically. Unknown users cost
 * the same hashing time as known ones.
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
    private final LoginAttempts attempts;
    private final String dummyHash;

    TwoFactorAuthenticationProvider(AccountRepository accounts, PasswordEncoder passwords, SecurityPolicies policies,
            Principals principals, Totp totp, TransactionTemplate transaction, LoginAttempts attempts) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.policies = policies;
        this.principals = principals;
        this.totp = totp;
        this.transaction = transaction;
        this.attempts = attempts;
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
        if (!attempts.take(account)) {
            passwords.matches(password, dummyHash); // the same time as a checked password
            throw new LockedException("Account locked");
        }
        if (!passwords.matches(password, account.passwordHash())) {
            throw new BadCredentialsException("Wrong password");
        }
        if (!account.enabled()) {
            // said only to whoever knows the password: otherwise it would confirm that the username exists
            throw new DisabledException("Account disabled");
        }
        Object details = authentication.getDetails();
        if (!account.requiresSecondFactor() || !account.totpEnabled()) {
            // no second factor to check: a password an administrator set is replaced first, then one is enrolled
            succeed(account);
            return principals.next(account, details);
        }
        String code = details instanceof LoginDetails login ? login.code() : null;
        OptionalLong step = totp.verify(account.totpSecret(), code, account.totpLastStep());
        if (step.isEmpty() || !Boolean.TRUE.equals(transaction.execute(
                status -> accounts.useTotpStep(account.id(), step.getAsLong())))) {
            throw new SecondFactorException(code == null || code.isEmpty() ? "Code missing" : "Wrong or used code");
        }
        succeed(account);
        return principals.next(account, details);
    }

    private void succeed(Account account) {
        attempts.clear(account);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
