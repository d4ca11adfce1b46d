package org.zhibao.identity;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** What the login form sends besides username and password: the one-time code of the second factor. */
class LoginDetails extends WebAuthenticationDetails {

    static final String CODE_PARAMETER = "code";

    private final String code;

    LoginDetails(HttpServletRequest request) {
        super(request);
        String value = request.getParameter(CODE_PARAMETER);
        this.code = value == null ? null : value.replaceAll("\\s", "");
    }

    String code() {
        return code;
    }
}
