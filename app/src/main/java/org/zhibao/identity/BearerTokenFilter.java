package org.zhibao.identity;

import java.io.IOException;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer zb_...} on the JSON API only, for this request only (no
 * session). Pages never take a token: a token cannot mint tokens, re-bind a second factor or become a
 * session. An official who has not set up the second factor cannot use one either.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final AccountRepository accounts;
    private final Principals principals;
    private final AuthenticationEntryPoint entryPoint;
    private final WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();

    BearerTokenFilter(ApiTokens tokens, AccountRepository accounts, Principals principals,
            AuthenticationEntryPoint entryPoint) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.principals = principals;
        this.entryPoint = entryPoint;
    }

    static boolean hasBearerToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    /** An API call carrying a token: the only requests this filter authenticates (and CSRF exempts). */
    static boolean isApiCallWithToken(HttpServletRequest request) {
        return SecurityConfiguration.API.matches(request) && hasBearerToken(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isApiCallWithToken(request)) {
            chain.doFilter(request, response);
            return;
        }
        String token = request.getHeader("Authorization").substring(7).strip();
        Account account = tokens.accountOf(token).flatMap(accounts::findById)
                .filter(a -> a.enabled() && !a.lockedAt(Instant.now()))
                .filter(a -> !a.requiresSecondFactor() || a.totpEnabled())
                .orElse(null);
        if (account == null) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("Invalid bearer token"));
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(principals.authenticated(account, details.buildDetails(request)));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }
}
