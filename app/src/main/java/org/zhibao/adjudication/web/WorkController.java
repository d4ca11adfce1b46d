package org.zhibao.adjudication.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.zhibao.adjudication.CaseList;
import org.zhibao.identity.Role;
import org.zhibao.identity.ZhibaoUser;

/** An official's work by nearest deadline, and the public list of published decisions. */
@Controller
class WorkController {

    private final CaseList lists;

    WorkController(CaseList lists) {
        this.lists = lists;
    }

    @GetMapping("/my-work")
    @PreAuthorize("hasAnyRole('OFFICER','DIVISION_CHIEF','DIRECTOR','TECHNICAL_INVESTIGATOR','MEDIATOR')")
    String myWork(@AuthenticationPrincipal ZhibaoUser user, Model model) {
        model.addAttribute("work", lists.myWork(user));
        model.addAttribute("approvals", user.has(Role.DIRECTOR) ? lists.pendingExtensions(user).size() : 0);
        return "adjudication/my-work";
    }

    @GetMapping("/decisions")
    String decisions(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("decisions", lists.published(q));
        return "decisions/list";
    }
}
