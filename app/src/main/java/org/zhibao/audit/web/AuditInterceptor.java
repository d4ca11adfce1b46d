package org.zhibao.audit.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.zhibao.audit.AuditLog;
import org.zhibao.audit.Audited;

/**
 * Records every state-changing request handled by a controller method once it has completed: action from
 * {@link Audited} or the handler's name, object the request path, result {@code ok} for 2xx/3xx, else
 * {@code failed:<status>}.
 */
class AuditInterceptor implements HandlerInterceptor {

    private final AuditLog auditLog;

    AuditInterceptor(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        if (!(handler instanceof HandlerMethod method) || !changesState(request.getMethod())) {
            return;
        }
        auditLog.recordForCurrentUser(action(method), request.getRequestURI(), result(response.getStatus(), ex),
                null);
    }

    static boolean changesState(String httpMethod) {
        return !("GET".equals(httpMethod) || "HEAD".equals(httpMethod) || "OPTIONS".equals(httpMethod));
    }

    static String action(HandlerMethod method) {
        Audited label = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), Audited.class);
        if (label == null) {
            label = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), Audited.class);
        }
        return label != null ? label.value() : method.getBeanType().getSimpleName() + "." + method.getMethod().getName();
    }

    static String result(int status, Exception ex) {
        // an exception MVC did not resolve is turned into a status later, by the security filters or the container
        if (ex instanceof AccessDeniedException) {
            status = HttpServletResponse.SC_FORBIDDEN;
        }
        else if (ex instanceof AuthenticationException) {
            status = HttpServletResponse.SC_UNAUTHORIZED;
        }
        else if (ex != null) {
            status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        }
        return status >= 200 && status < 400 ? "ok" : "failed:" + status;
    }
}
