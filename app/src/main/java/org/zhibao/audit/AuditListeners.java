package org.zhibao.audit;

import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
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

    private final AuditLog auditLog;
    private final Accounts accounts;

    AuditListeners(AuditLog auditLog, Accounts accounts) {
        this.auditLog = auditLog;
        this.accounts = accounts;
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        record(LOGIN, event.getAuthentication(), "success", null);
    }

    /**
     * A failed login under a known official's name is filed under that official's office, so the office's
     * own audit administrator sees attempts on its accounts (a guessing attack, a lock-out).
     */
    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        String failure = event.getException().getClass().getSimpleName().replaceFirst("Exception$", "");
        Authentication attempt = event.getAuthentication();
        String region = accounts.officeRegionOf(attempt == null ? null : attempt.getName()).orElse(null);
        Actor actor = Actor.of(attempt);
        auditLog.record(new AuditRecord(actor.username(), null, region, LOGIN, "", "failure:" + failure,
                address(attempt), null));
    }

    @EventListener
    void on(LogoutSuccessEvent event) {
        record(LOGOUT, event.getAuthentication(), "success", null);
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
