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

    SecondFactors(AccountRepository accounts, Totp totp, Principals principals) {
        this.accounts = accounts;
        this.totp = totp;
        this.principals = principals;
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
     * which replaces the restricted one it had while enrolling.
     */
    @Transactional
    public Authentication confirm(long accountId, String secret, String code, Object details) {
        OptionalLong step = totp.verify(secret, code == null ? null : code.replaceAll("\\s", ""), null);
        if (step.isEmpty()) {
            throw new AccountRuleViolation("code", "identity.totp.code-wrong");
        }
        accounts.enableTotp(accountId, secret, step.getAsLong());
        return principals.authenticated(accounts.findById(accountId).orElseThrow(), details);
    }

    /** The system administrator clears a lost second factor; the official sets up a new one at next login. */
    @Transactional
    public void reset(long accountId, ZhibaoUser actor) {
        Account account = accounts.findById(accountId).orElseThrow();
        if (account.officeRegion() == null || !actor.jurisdiction().covers(account.officeRegion())
                || account.id() == actor.accountId()) {
            throw new org.springframework.security.access.AccessDeniedException("Not in the jurisdiction");
        }
        accounts.resetTotp(accountId);
    }
}
