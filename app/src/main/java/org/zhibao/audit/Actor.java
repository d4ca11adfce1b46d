package org.zhibao.audit;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.zhibao.identity.ZhibaoUser;

/** Who an entry is about, taken from an authentication. */
record Actor(String username, Long officeId, String officeRegion) {

    static final Actor ANONYMOUS = new Actor(AuditRecord.ANONYMOUS, null, null);

    static Actor of(Authentication authentication) {
        if (authentication == null) {
            return ANONYMOUS;
        }
        if (authentication.getPrincipal() instanceof ZhibaoUser user) {
            return of(user);
        }
        String name = authentication.getName();
        return name == null || name.isBlank() ? ANONYMOUS : new Actor(name, null, null);
    }

    static Actor of(ZhibaoUser user) {
        // an official's jurisdiction is rooted at the office's own region
        String region = user.officeId() != null && user.jurisdiction() != null
                ? user.jurisdiction().root().value() : null;
        return new Actor(user.username(), user.officeId(), region);
    }

    static Actor current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return ANONYMOUS;
        }
        return of(authentication);
    }

    /** The current request's client address; forwarded headers were already applied by the server. */
    static String currentClientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getRemoteAddr();
        }
        return "";
    }
}
