package org.zhibao.audit.web;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindingResult;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.zhibao.audit.AuditLog;
import org.zhibao.audit.Audited;

/**
 * Records every state-changing request handled by a controller method once it has completed: action from
 * {@link Audited} or the handler's name, object the request path, the request's parameters (secrets left
 * out) as detail, result {@code failed:<status>} for 4xx/5xx, {@code rejected} when a form was re-rendered
 * to show why its input was refused, else {@code ok}.
 */
class AuditInterceptor implements HandlerInterceptor {

    static final String OK = "ok";
    static final String REJECTED = "rejected";
    /** Longest parameter value (and name) kept; an entry is stored forever. */
    static final int MAX_VALUE_LENGTH = 200;

    /** Carries the postHandle verdict to afterCompletion, which alone sees how the request ended. */
    private static final String REJECTED_ATTRIBUTE = AuditInterceptor.class.getName() + ".rejected";
    private static final String CSRF_PARAMETER = "_csrf";
    private static final String[] SECRET_NAME_PARTS = { "password", "token", "secret", "otp" };
    /** One-time codes by their form names; region, office or credit codes are plain data and stay. */
    private static final java.util.Set<String> ONE_TIME_CODES = java.util.Set.of("code", "currentcode");

    private final AuditLog auditLog;

    AuditInterceptor(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    /**
     * A refused form comes back with status 200: the controller re-renders it with the binding errors or
     * the rule violation in the model. Only the model tells it apart from a page shown after success.
     */
    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView modelAndView) {
        if (modelAndView != null && rejects(modelAndView.getModel())) {
            request.setAttribute(REJECTED_ATTRIBUTE, Boolean.TRUE);
        }
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        if (!(handler instanceof HandlerMethod method) || !changesState(request.getMethod())) {
            return;
        }
        boolean rejected = Boolean.TRUE.equals(request.getAttribute(REJECTED_ATTRIBUTE));
        auditLog.recordForCurrentUser(action(method), request.getRequestURI(),
                result(response.getStatus(), ex, rejected), parameters(request.getParameterMap()));
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

    /**
     * Whether a model shows refused input: binding errors, or a rule-violation exception the controller
     * put there to render it. Also a non-blank text attribute named {@code error} or {@code ...Error}, the
     * naming the controllers use when they hand over only the violation's message key (a wrong TOTP code
     * on enrolment does).
     */
    static boolean rejects(Map<String, Object> model) {
        for (Map.Entry<String, Object> attribute : model.entrySet()) {
            Object value = attribute.getValue();
            if (value instanceof BindingResult binding && binding.hasErrors()) {
                return true;
            }
            if (value instanceof Throwable) {
                return true;
            }
            String name = attribute.getKey();
            if (value instanceof CharSequence messageKey && !messageKey.toString().isBlank()
                    && (name.equals("error") || name.endsWith("Error"))) {
                return true;
            }
        }
        return false;
    }

    static String result(int status, Exception ex, boolean rejected) {
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
        if (status < 200 || status >= 400) {
            return "failed:" + status;
        }
        return rejected ? REJECTED : OK;
    }

    /**
     * The request's parameters, so that e.g. enabling and disabling an account or the roles granted can be
     * told apart; query and form parameters only (an uploaded file's content is never a parameter). Left
     * out: the CSRF token and anything whose name suggests a secret (passwords, one-time codes, tokens).
     * Several values are joined with commas; long values are cut.
     */
    static Map<String, String> parameters(Map<String, String[]> parameters) {
        TreeMap<String, String> detail = new TreeMap<>();
        parameters.forEach((name, values) -> {
            if (name == null || isSecret(name)) {
                return;
            }
            detail.put(cut(name), values == null ? "" : cut(String.join(",", values)));
        });
        return detail;
    }

    static boolean isSecret(String parameterName) {
        if (CSRF_PARAMETER.equals(parameterName)) {
            return true;
        }
        String lower = parameterName.toLowerCase(Locale.ROOT);
        if (ONE_TIME_CODES.contains(lower)) {
            return true;
        }
        for (String part : SECRET_NAME_PARTS) {
            if (lower.contains(part)) {
                return true;
            }
        }
        return false;
    }

    /** At most {@link #MAX_VALUE_LENGTH} characters, the last an ellipsis when cut; never half a surrogate pair. */
    static String cut(String text) {
        if (text.length() <= MAX_VALUE_LENGTH) {
            return text;
        }
        int end = MAX_VALUE_LENGTH - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "\u2026";
    }
}
