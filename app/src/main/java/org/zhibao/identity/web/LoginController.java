package org.zhibao.identity.web;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.zhibao.identity.SecurityPolicies;

/** The login form: username, password and one-time code. Spring Security takes the POST. */
@Controller
class LoginController {

    private final SecurityPolicies policies;

    LoginController(SecurityPolicies policies) {
        this.policies = policies;
    }

    @GetMapping("/login")
    String login(HttpSession session, Model model) {
        Object error = session.getAttribute("zhibao.login.error");
        if (error != null) {
            model.addAttribute("loginError", error);
            model.addAttribute("username", session.getAttribute("zhibao.login.username"));
            model.addAttribute("lockMinutes", policies.current().lockMinutes());
            session.removeAttribute("zhibao.login.error");
            session.removeAttribute("zhibao.login.username");
        }
        return "identity/login";
    }
}
