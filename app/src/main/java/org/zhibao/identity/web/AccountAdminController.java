package org.zhibao.identity.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhibao.identity.AccountRuleViolation;
import org.zhibao.identity.Accounts;
import org.zhibao.identity.Commands.CreateOfficial;
import org.zhibao.identity.Commands.CreatePlatform;
import org.zhibao.identity.Role;
import org.zhibao.identity.SecondFactors;
import org.zhibao.identity.SecurityPolicies;
import org.zhibao.identity.ZhibaoUser;
import org.zhibao.office.Offices;
import org.zhibao.region.Jurisdiction;

/**
 * Accounts within the administrator's jurisdiction. The system administrator opens, disables, unlocks and
 * resets accounts; the security administrator grants roles. Neither does the other's work.
 */
@Controller
class AccountAdminController {

    private final Accounts accounts;
    private final Offices offices;
    private final SecondFactors secondFactors;
    private final SecurityPolicies policies;

    AccountAdminController(Accounts accounts, Offices offices, SecondFactors secondFactors,
            SecurityPolicies policies) {
        this.accounts = accounts;
        this.offices = offices;
        this.secondFactors = secondFactors;
        this.policies = policies;
    }

    @GetMapping("/admin/accounts")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN')")
    String list(Jurisdiction jurisdiction, @RequestParam(required = false) String q, Model model) {
        model.addAttribute("accounts", accounts.list(jurisdiction, q));
        model.addAttribute("q", q);
        return "identity/accounts";
    }

    @GetMapping("/admin/accounts/new")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String newAccount(Jurisdiction jurisdiction, Model model) {
        return newAccountView(jurisdiction, model);
    }

    @PostMapping("/admin/accounts")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String create(Jurisdiction jurisdiction, @RequestParam String username, @RequestParam String displayName,
            @RequestParam(required = false) Long officeId, @RequestParam String initialPassword, Model model,
            RedirectAttributes redirect) {
        long id;
        try {
            if (officeId == null) {
                throw new AccountRuleViolation("officeId", "identity.account.office-unknown");
            }
            id = accounts.createOfficial(new CreateOfficial(username, displayName, officeId, initialPassword),
                    jurisdiction);
        }
        catch (AccountRuleViolation violation) {
            model.addAttribute("error", violation);
            model.addAttribute("username", username);
            model.addAttribute("displayName", displayName);
            model.addAttribute("officeId", officeId);
            return newAccountView(jurisdiction, model);
        }
        redirect.addFlashAttribute("notice", "identity.accounts.created");
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/admin/accounts/platforms")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String createPlatform(Jurisdiction jurisdiction, @RequestParam String username, @RequestParam String displayName,
            @RequestParam String initialPassword, Model model, RedirectAttributes redirect) {
        long id;
        try {
            id = accounts.createPlatform(new CreatePlatform(username, displayName, initialPassword), jurisdiction);
        }
        catch (AccountRuleViolation violation) {
            model.addAttribute("platformError", violation);
            return newAccountView(jurisdiction, model);
        }
        redirect.addFlashAttribute("notice", "identity.accounts.created");
        return "redirect:/admin/accounts/" + id;
    }

    @GetMapping("/admin/accounts/{id}")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN')")
    String detail(@PathVariable long id, Jurisdiction jurisdiction, Model model) {
        model.addAttribute("account", accounts.find(id, jurisdiction));
        model.addAttribute("grantableRoles", List.of(Role.OFFICER, Role.DIVISION_CHIEF, Role.DIRECTOR,
                Role.TECHNICAL_INVESTIGATOR, Role.MEDIATOR, Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN));
        model.addAttribute("passwordMinLength", policies.current().passwordMinLength());
        return "identity/account";
    }

    @PostMapping("/admin/accounts/{id}/roles")
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    String setRoles(@PathVariable long id, @AuthenticationPrincipal ZhibaoUser actor,
            @RequestParam(required = false) Set<Role> roles, Model model, RedirectAttributes redirect) {
        try {
            accounts.setRoles(id, roles == null ? EnumSet.noneOf(Role.class) : roles, actor);
        }
        catch (AccountRuleViolation violation) {
            model.addAttribute("error", violation);
            return detail(id, actor.jurisdiction(), model);
        }
        redirect.addFlashAttribute("notice", "identity.accounts.roles-saved");
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/admin/accounts/{id}/enabled")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String setEnabled(@PathVariable long id, @AuthenticationPrincipal ZhibaoUser actor, @RequestParam boolean enabled,
            Model model) {
        try {
            accounts.setEnabled(id, enabled, actor);
        }
        catch (AccountRuleViolation violation) {
            model.addAttribute("error", violation);
            return detail(id, actor.jurisdiction(), model);
        }
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/admin/accounts/{id}/unlock")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String unlock(@PathVariable long id, Jurisdiction jurisdiction) {
        accounts.unlock(id, jurisdiction);
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/admin/accounts/{id}/reset")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String reset(@PathVariable long id, @AuthenticationPrincipal ZhibaoUser actor, @RequestParam String newPassword,
            Model model, RedirectAttributes redirect) {
        try {
            accounts.resetCredentials(id, newPassword, actor);
        }
        catch (AccountRuleViolation violation) {
            model.addAttribute("error", violation);
            return detail(id, actor.jurisdiction(), model);
        }
        redirect.addFlashAttribute("notice", "identity.accounts.reset-done");
        return "redirect:/admin/accounts/" + id;
    }

    private String newAccountView(Jurisdiction jurisdiction, Model model) {
        model.addAttribute("offices", offices.list(jurisdiction, org.zhibao.office.OfficeFilter.none()));
        model.addAttribute("national", jurisdiction.isNational());
        model.addAttribute("passwordMinLength", policies.current().passwordMinLength());
        return "identity/account-new";
    }
}
