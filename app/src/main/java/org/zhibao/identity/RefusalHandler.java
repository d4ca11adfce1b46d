package org.zhibao.identity;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Answers refused requests: the 403 page for people, JSON for the API, and an {@link AccessRefused} event
 * for the audit log either way. An official still to set up the second factor is sent to do so.
 */
@Component
class RefusalHandler implements AccessDeniedHandler, AuthenticationEntryPoint {

    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final LocaleResolver locales;

    RefusalHandler(ApplicationEventPublisher events, MessageSource messages, LocaleResolver locales) {
        this.events = events;
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String pending = auth == null ? null : SecurityConfiguration.pendingStep(auth);
        if (pending != null && !SecurityConfiguration.API.matches(request)) {
            response.sendRedirect(request.getContextPath() + SecurityConfiguration.pathOf(pending));
            return;
        }
        SecurityConfiguration.publishRefusal(events, request, auth, denied.getMessage());
        if (SecurityConfiguration.API.matches(request)) {
            writeJson(request, response, HttpServletResponse.SC_FORBIDDEN, "forbidden", "identity.api.forbidden");
            return;
        }
        // rendered by the error controller with templates/error/403.html
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }

    /** Unauthenticated API calls (the pages redirect to the login form instead). */
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        SecurityConfiguration.publishRefusal(events, request, null, failure.getMessage());
        response.setHeader("WWW-Authenticate", "Bearer");
        writeJson(request, response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized", "identity.api.unauthorized");
    }

    private void writeJson(HttpServletRequest request, HttpServletResponse response, int status, String error,
            String messageCode) throws IOException {
        // refusals happen before Spring MVC's language interceptor runs: honour ?lang= here too
        String lang = request.getParameter("lang");
        Locale locale = lang != null && !lang.isBlank() ? StringUtils.parseLocale(lang) : locales.resolveLocale(request);
        String message = messages.getMessage(messageCode, null, locale);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"status\":" + status + ",\"error\":\"" + error + "\",\"message\":\""
                + jsonEscape(message) + "\"}");
    }

    private static String jsonEscape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
