package org.zhibao.leads.web;

import java.util.Locale;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhibao.identity.ZhibaoUser;
import org.zhibao.leads.Leads;
import org.zhibao.leads.NewReport;
import org.zhibao.leads.ReportInvalid;

/** Reports from the public (举报) about a filing, and the reporter's list of their reports. */
@Controller
@RequestMapping("/reports")
@PreAuthorize("hasRole('PUBLIC_USER')")
class ReportController {

    private final Leads leads;

    ReportController(Leads leads) {
        this.leads = leads;
    }

    @GetMapping
    String mine(@AuthenticationPrincipal ZhibaoUser user, Model model) {
        model.addAttribute("reports", leads.myReports(user));
        return "leads/reports";
    }

    @GetMapping("/new")
    String form(Model model) {
        model.addAttribute("form", new NewReport("PATENT", "", "", "", "", "", ""));
        model.addAttribute("problems", Map.of());
        return "leads/report";
    }

    @PostMapping
    String file(@ModelAttribute("form") NewReport form, @AuthenticationPrincipal ZhibaoUser user, Model model,
            RedirectAttributes redirect, Locale locale) {
        try {
            leads.report(form, user);
            redirect.addFlashAttribute("notice", "leads.done.reported");
            return "redirect:/reports";
        }
        catch (ReportInvalid invalid) {
            model.addAttribute("problems", invalid.problems());
            return "leads/report";
        }
    }
}
