package org.zhibao.identity.web;

import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.zhibao.identity.SecurityPolicies;

/** The login form: username, password and one-time code. Spring Security takes the POST. */
@Controller
class LoginController {

    /** The failure kinds the login filter puts in the address, and what the form says about each. */
    static final Map<String, String> ERRORS = Map.of(
            "bad", "identity.login.bad-credentials",
            "locked", "identity.login.locked",
            "disabled", "identity.login.disabled");

    private final SecurityPolicies policies;

    LoginController(SecurityPolicies policies) {
        this.policies = policies;
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, Model model) {
        if (error != null) {
            model.addAttribute("loginError", ERRORS.getOrDefault(error, "identity.login.bad-credentials"));
            model.addAttribute("lockMinutes", policies.current().lockMinutes());
        }
        return "identity/login";
    }
}
