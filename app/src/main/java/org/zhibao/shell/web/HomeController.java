package org.zhibao.shell.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.zhibao.region.Regions;

/** The landing page after login, and the official's work list. */
@Controller
class HomeController {

    private final Regions regions;
    private final org.zhibao.leads.Leads leads;

    HomeController(Regions regions, org.zhibao.leads.Leads leads) {
        this.regions = regions;
        this.leads = leads;
    }

    @GetMapping("/")
    String home(Model model, org.springframework.security.core.Authentication authentication) {
        if (authentication.getPrincipal() instanceof org.zhibao.identity.ZhibaoUser user
                && user.jurisdiction() != null) {
            model.addAttribute("jurisdictionName", regions.fullName(user.jurisdiction().root()));
            model.addAttribute("leadWork", leads.workload(user));
        }
        return "shell/home";
    }
}
