package org.zhibao.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhibao.identity.AccountRuleViolation;
import org.zhibao.identity.Accounts;
import org.zhibao.identity.ApiTokens;
import org.zhibao.identity.SecondFactors;
import org.zhibao.identity.SecondFactors.Enrolment;
import org.zhibao.identity.SecurityPolicies;
import org.zhibao.identity.ZhibaoUser;
import org.zhibao.region.Regions;

/** Every account's own page: who am I, password, second factor, API tokens. */
@Controller
class ProfileController {

    static final String PROPOSED_SECRET = "zhibao.totp.proposed";

    private final Accounts accounts;
    private final ApiTokens tokens;
    private final SecondFactors secondFactors;
    private final SecurityPolicies policies;
    private final Regions regions;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    ProfileController(Accounts accounts, ApiTokens tokens, SecondFactors secondFactors, SecurityPolicies policies,
            Regions regions) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.secondFactors = secondFactors;
        this.policies = policies;
        this.regions = regions;
    }

    @GetMapping("/profile")
    String profile(@AuthenticationPrincipal ZhibaoUser user, Model model) {
        model.addAttribute("account", accounts.own(user.accountId()));
        if (user.jurisdiction() != null) {
            model.addAttribute("jurisdictionName", regions.fullName(user.jurisdiction().root()));
        }
        model.addAttribute("tokens", tokens.list(user.accountId()));
        model.addAttribute("passwordMinLength", policies.current().passwordMinLength());
        return "identity/profile";
    }

    @PostMapping("/profile/password")
    String changePassword(@AuthenticationPrincipal ZhibaoUser user, @RequestParam String currentPassword,
            @RequestParam String newPassword, @RequestParam String newPasswordConfirm, HttpSession session, Model model,
            RedirectAttributes redirect) {
        try {
            if (!newPassword.equals(newPasswordConfirm)) {
                throw new AccountRuleViolation("newPasswordConfirm", "identity.password.mismatch");
            }
            accounts.changeOwnPassword(user.accountId(), currentPassword, newPassword, session.getId());
        }
        catch (AccountRuleViolation violation) {
            model.addAttribute("passwordError", violation);
            return profile(user, model);
        }
        redirect.addFlashAttribute("notice", "identity.profile.password-changed");
        return "redirect:/profile";
    }

    @GetMapping("/profile/totp")
    String enrol(@AuthenticationPrincipal ZhibaoUser user, HttpSession session, Model model) {
        Enrolment enrolment = secondFactors.propose(user.username());
        session.setAttribute(PROPOSED_SECRET, enrolment.secret());
        model.addAttribute("enrolment", enrolment);
        model.addAttribute("replacing", accounts.own(user.accountId()).totpEnabled());
        return "identity/totp";
    }

    @PostMapping("/profile/totp")
    String confirm(@AuthenticationPrincipal ZhibaoUser user, @RequestParam String code,
            @RequestParam(required = false) String currentCode, HttpSession session,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        String secret = (String) session.getAttribute(PROPOSED_SECRET);
        if (secret == null) {
            return "redirect:/profile/totp";
        }
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        Authentication full;
        try {
            full = secondFactors.confirm(user.accountId(), currentCode, secret, code, current.getDetails());
        }
        catch (AccountRuleViolation violation) {
            model.addAttribute("enrolment", new Enrolment(secret,
                    org.zhibao.identity.Totp.qrCodeDataUri(user.username(), secret),
                    org.zhibao.identity.Totp.otpauthUri(user.username(), secret)));
            model.addAttribute("replacing", accounts.own(user.accountId()).totpEnabled());
            model.addAttribute("codeError", violation);
            return "identity/totp";
        }
        session.removeAttribute(PROPOSED_SECRET);
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(full);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        redirect.addFlashAttribute("notice", "identity.totp.done");
        return "redirect:/";
    }

    /** A password an administrator set (initial or reset) is replaced by its holder before anything else. */
    @GetMapping("/profile/password-change")
    String requiredPasswordChange(Model model) {
        model.addAttribute("passwordMinLength", policies.current().passwordMinLength());
        return "identity/password-change";
    }

    @PostMapping("/profile/password-change")
    String replaceAdministeredPassword(@AuthenticationPrincipal ZhibaoUser user, @RequestParam String newPassword,
            @RequestParam String newPasswordConfirm, HttpServletRequest request, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        try {
            if (!newPassword.equals(newPasswordConfirm)) {
                throw new AccountRuleViolation("newPasswordConfirm", "identity.password.mismatch");
            }
            if (!accounts.replaceAdministeredPassword(user.accountId(), newPassword)) {
                return "redirect:/profile"; // no duty: the ordinary change asks for the current password
            }
        }
        catch (AccountRuleViolation violation) {
            model.addAttribute("passwordError", violation);
            return requiredPasswordChange(model);
        }
        Authentication next = secondFactors.afterStep(user.accountId(),
                SecurityContextHolder.getContext().getAuthentication().getDetails());
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(next);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        redirect.addFlashAttribute("notice", "identity.profile.password-changed");
        return next.getAuthorities().stream().anyMatch(a -> "TOTP_ENROLMENT".equals(a.getAuthority()))
                ? "redirect:/profile/totp" : "redirect:/";
    }

    @PostMapping("/profile/tokens")
    String issueToken(@AuthenticationPrincipal ZhibaoUser user, @RequestParam String name,
            @RequestParam(required = false) Integer validDays, Model model, RedirectAttributes redirect) {
        try {
            // shown in this answer only: a redirect would carry it through the session store
            model.addAttribute("issuedToken", tokens.issue(user.accountId(), name, validDays).token());
        }
        catch (AccountRuleViolation violation) {
            model.addAttribute("tokenError", violation);
        }
        return profile(user, model);
    }

    @PostMapping("/profile/tokens/{id}/revoke")
    String revokeToken(@AuthenticationPrincipal ZhibaoUser user, @PathVariable long id) {
        tokens.revoke(user.accountId(), id);
        return "redirect:/profile#tokens";
    }
}
