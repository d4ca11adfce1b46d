package org.zhibao.audit;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.zhibao.database.SecretBox;
import org.zhibao.identity.AccessRefused;
import org.zhibao.identity.Accounts;
import org.zhibao.identity.ZhibaoUser;

/**
 * Records logins, logouts and refused access. Plain synchronous listeners rather than
 * {@code @ApplicationModuleListener}: these events come from outside any transaction (a module listener
 * would never hear them) and the entry should be written before the response leaves.
 */
@Component
class AuditListeners {

    static final String LOGIN = "login";
    static final String LOGOUT = "logout";
    static final String ACCESS = "access";
    static final String SUCCESS = "success";
    /** Password right, but the official has no second factor yet and may only enrol one. */
    static final String ENROLMENT_PENDING = "password-only:enrolment-pending";
    /** Password right, but it was set by an administrator: the holder must first choose their own. */
    static final String PASSWORD_CHANGE_PENDING = "password-only:password-change-pending";
    /** Prefix of the pseudonym recorded in place of a name that is no official's account. */
    static final String UNKNOWN_PREFIX = "unknown:";

    /**
     * The only authority identity gives an official who still has to enrol a second factor (its
     * {@code Principals.TOTP_ENROLMENT}, not part of identity's API, hence repeated here).
     */
    private static final String TOTP_ENROLMENT = "TOTP_ENROLMENT";
    private static final String PASSWORD_CHANGE = "PASSWORD_CHANGE";
    private static final int PSEUDONYM_HEX_DIGITS = 12;

    private final AuditLog auditLog;
    private final Accounts accounts;
    private final SecretBox signatures;

    AuditListeners(AuditLog auditLog, Accounts accounts, SecretBox signatures) {
        this.auditLog = auditLog;
        this.accounts = accounts;
        this.signatures = signatures;
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        Authentication authentication = event.getAuthentication();
        // not yet a full login: an auditor should not read it as one
        String result = only(authentication, TOTP_ENROLMENT) ? ENROLMENT_PENDING
                : only(authentication, PASSWORD_CHANGE) ? PASSWORD_CHANGE_PENDING : SUCCESS;
        record(LOGIN, authentication, result, null);
    }

    /**
     * A failed login under a known official's name is filed under that official's office, so the office's
     * own audit administrator sees attempts on its accounts (a guessing attack, a lock-out).
     *
     * <p>Any other typed name is recorded only as a pseudonym: people type their password into the username
     * field, and the log is append-only, so the raw text would be kept forever. The pseudonym still lets
     * auditors see repeated attempts under the same name. Identity tells us only whether a name is an
     * official's account, so a public user's failed logins are pseudonymised too; that is accepted.
     */
    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        String failure = event.getException().getClass().getSimpleName().replaceFirst("Exception$", "");
        Authentication attempt = event.getAuthentication();
        String typed = attempt == null ? null : attempt.getName();
        Optional<String> region = accounts.officeRegionOf(typed);
        String username = region.isPresent() ? typed : pseudonym(typed);
        auditLog.record(new AuditRecord(username, null, region.orElse(null), LOGIN, "", "failure:" + failure,
                address(attempt), null));
    }

    @EventListener
    void on(LogoutSuccessEvent event) {
        record(LOGOUT, event.getAuthentication(), SUCCESS, null);
    }

    @EventListener
    void on(AccessRefused event) {
        String region = null;
        // the event carries no region: take it from the refused request's own principal
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current != null && current.getPrincipal() instanceof ZhibaoUser user
                && user.username().equals(event.username())) {
            region = Actor.of(user).officeRegion();
        }
        String address = event.clientAddress() != null ? event.clientAddress() : Actor.currentClientAddress();
        auditLog.record(new AuditRecord(event.username(), event.officeId(), region, ACCESS, event.path(), "refused",
                address, detail("method", event.method(), "reason", event.reason())));
    }

    private void record(String action, Authentication authentication, String result, Map<String, String> detail) {
        Actor actor = Actor.of(authentication);
        auditLog.record(new AuditRecord(actor.username(), actor.officeId(), actor.officeRegion(), action, "",
                result, address(authentication), detail));
    }

    private static boolean only(Authentication authentication, String restricted) {
        if (authentication == null || authentication.getAuthorities().isEmpty()) {
            return false;
        }
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            if (!restricted.equals(authority.getAuthority())) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code unknown:} and the first hex digits of an HMAC of the name under the installation's key:
     * repeated attempts with one name correlate, yet a password typed as a name cannot be found again by
     * hashing a dictionary (a plain hash could be). Nothing typed stays anonymous.
     */
    String pseudonym(String typed) {
        if (typed == null || typed.isEmpty()) {
            return AuditRecord.ANONYMOUS;
        }
        return UNKNOWN_PREFIX + signatures.sign("audit-pseudonym", typed.getBytes(StandardCharsets.UTF_8))
                .substring(0, PSEUDONYM_HEX_DIGITS);
    }

    private static String address(Authentication authentication) {
        return authentication != null && authentication.getDetails() instanceof WebAuthenticationDetails web
                && web.getRemoteAddress() != null ? web.getRemoteAddress() : Actor.currentClientAddress();
    }

    private static Map<String, String> detail(String... keysAndValues) {
        java.util.TreeMap<String, String> detail = new java.util.TreeMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                detail.put(keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return detail;
    }
}
