package org.zhibao.identity;

import java.util.OptionalLong;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Setting up the TOTP second factor: a new secret, shown as a QR code, confirmed by a first code. */
@Service
public class SecondFactors {

    private final AccountRepository accounts;
    private final Totp totp;
    private final Principals principals;
    private final Sessions sessions;
    private final LoginAttempts attempts;

    SecondFactors(AccountRepository accounts, Totp totp, Principals principals, Sessions sessions,
            LoginAttempts attempts) {
        this.attempts = attempts;
        this.accounts = accounts;
        this.totp = totp;
        this.principals = principals;
        this.sessions = sessions;
    }

    /** A secret proposed to the user; it takes effect only when confirmed. */
    public record Enrolment(String secret, String qrCodeDataUri, String otpauthUri) {
    }

    public Enrolment propose(String username) {
        String secret = Totp.newSecret();
        return new Enrolment(secret, Totp.qrCodeDataUri(username, secret), Totp.otpauthUri(username, secret));
    }

    /**
     * Confirms the proposed secret with a code from the app and returns the account's full authentication,
     * which replaces the restricted one it had while enrolling. Replacing a second factor already in use
     * takes a current code of the old one too: a borrowed session alone cannot re-bind it.
     */
    @Transactional
    public Authentication confirm(long accountId, String currentCode, String secret, String code, Object details) {
        Account account = accounts.findById(accountId).orElseThrow();
        if (account.totpEnabled()) {
            // a proof like a login: it counts toward the lock, and the lock ends the session guessing
            if (!attempts.take(account)) {
                throw new AccountRuleViolation("currentCode", "identity.account.locked");
            }
            OptionalLong current = totp.verify(account.totpSecret(),
                    currentCode == null ? null : currentCode.replaceAll("\\s", ""), account.totpLastStep());
            if (current.isEmpty() || !accounts.useTotpStep(accountId, current.getAsLong())) {
                throw new AccountRuleViolation("currentCode", "identity.totp.current-code-wrong");
            }
            attempts.clear(account);
        }
        OptionalLong step = totp.verify(secret, code == null ? null : code.replaceAll("\\s", ""), null);
        if (step.isEmpty()) {
            throw new AccountRuleViolation("code", "identity.totp.code-wrong");
        }
        accounts.enableTotp(accountId, secret, step.getAsLong());
        return principals.next(accounts.findById(accountId).orElseThrow(), details);
    }

    /** The account's authentication once it has done what was asked of it (a new password, say). */
    public Authentication afterStep(long accountId, Object details) {
        return principals.next(accounts.findById(accountId).orElseThrow(), details);
    }
}
