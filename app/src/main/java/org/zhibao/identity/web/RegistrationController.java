package org.zhibao.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhibao.identity.AccountRuleViolation;
import org.zhibao.identity.Accounts;
import org.zhibao.identity.Commands.RegisterPublicUser;
import org.zhibao.identity.PartyType;
import org.zhibao.identity.SecurityPolicies;

/** Members of the public (right holders, accused parties, agents) register themselves. */
@Controller
class RegistrationController {

    private final Accounts accounts;
    private final SecurityPolicies policies;

    RegistrationController(Accounts accounts, SecurityPolicies policies) {
        this.accounts = accounts;
        this.policies = policies;
    }

    static class RegistrationForm {
        public String email;
        public String phone;
        public String displayName;
        public PartyType partyType;
        public String password;
        public String passwordConfirm;

        public String getEmail() { return email; }
        public void setEmail(String v) { email = v; }
        public String getPhone() { return phone; }
        public void setPhone(String v) { phone = v; }
        public String getDisplayName() { return displayName; }
        public void setDisplayName(String v) { displayName = v; }
        public PartyType getPartyType() { return partyType; }
        public void setPartyType(PartyType v) { partyType = v; }
        public String getPassword() { return password; }
        public void setPassword(String v) { password = v; }
        public String getPasswordConfirm() { return passwordConfirm; }
        public void setPasswordConfirm(String v) { passwordConfirm = v; }
    }

    @GetMapping("/register")
    String form(Model model) {
        model.addAttribute("form", new RegistrationForm());
        return view(model);
    }

    @PostMapping("/register")
    String register(@ModelAttribute("form") RegistrationForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (form.password != null && !form.password.equals(form.passwordConfirm)) {
            result.rejectValue("passwordConfirm", "identity.password.mismatch");
            return view(model);
        }
        try {
            accounts.registerPublicUser(new RegisterPublicUser(form.email, form.phone, form.displayName,
                    form.partyType, form.password));
        }
        catch (AccountRuleViolation violation) {
            result.rejectValue(violation.field(), violation.code());
            return view(model);
        }
        redirect.addFlashAttribute("notice", "identity.login.registered");
        return "redirect:/login";
    }

    private String view(Model model) {
        model.addAttribute("partyTypes", PartyType.values());
        model.addAttribute("passwordMinLength", policies.current().passwordMinLength());
        return "identity/register";
    }
}
