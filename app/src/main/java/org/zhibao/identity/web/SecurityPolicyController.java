package org.zhibao.identity.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhibao.identity.SecurityPolicies;
import org.zhibao.identity.SecurityPolicy;
import org.zhibao.identity.ZhibaoUser;
import org.zhibao.region.Jurisdiction;
import org.springframework.security.access.AccessDeniedException;

/**
 * The security administrator's page: lock-out, session timeout and password rules. The policy holds for
 * every office, so only the national office's security administrator changes it; others read it.
 */
@Controller
@PreAuthorize("hasRole('SECURITY_ADMIN')")
class SecurityPolicyController {

    private final SecurityPolicies policies;

    SecurityPolicyController(SecurityPolicies policies) {
        this.policies = policies;
    }

    @GetMapping("/admin/security-policy")
    String show(Jurisdiction jurisdiction, Model model) {
        model.addAttribute("policy", policies.current());
        model.addAttribute("national", jurisdiction.isNational());
        return "identity/policy";
    }

    @PostMapping("/admin/security-policy")
    String change(@AuthenticationPrincipal ZhibaoUser actor, Jurisdiction jurisdiction, @RequestParam int maxFailedAttempts,
            @RequestParam int lockMinutes, @RequestParam int idleTimeoutMinutes, @RequestParam int passwordMinLength,
            Model model, RedirectAttributes redirect) {
        if (!jurisdiction.isNational()) {
            throw new AccessDeniedException("The security policy is set by the national office");
        }
        SecurityPolicy policy = new SecurityPolicy(maxFailedAttempts, lockMinutes, idleTimeoutMinutes,
                passwordMinLength);
        boolean valid = maxFailedAttempts >= 3 && maxFailedAttempts <= 10 && lockMinutes >= 5 && lockMinutes <= 1440
                && idleTimeoutMinutes >= 5 && idleTimeoutMinutes <= 30 && passwordMinLength >= 8
                && passwordMinLength <= 64;
        if (!valid) {
            model.addAttribute("policy", policy);
            model.addAttribute("national", true);
            model.addAttribute("invalid", new org.zhibao.identity.AccountRuleViolation("policy", "identity.policy.invalid"));
            return "identity/policy";
        }
        policies.change(policy, actor.username());
        redirect.addFlashAttribute("notice", "identity.policy.saved");
        return "redirect:/admin/security-policy";
    }
}
