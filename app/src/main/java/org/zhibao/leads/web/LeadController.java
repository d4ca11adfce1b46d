package org.zhibao.leads.web;

import java.time.LocalDate;
import java.util.Locale;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhibao.identity.ZhibaoUser;
import org.zhibao.leads.LeadFilter;
import org.zhibao.leads.LeadNotFound;
import org.zhibao.leads.LeadRefused;
import org.zhibao.leads.LeadSource;
import org.zhibao.leads.LeadStatus;
import org.zhibao.leads.LeadView;
import org.zhibao.leads.Leads;
import org.zhibao.region.Jurisdiction;

/** The precise management list, a lead's page with its evidence, and verification. */
@Controller
@RequestMapping("/leads")
@PreAuthorize("hasAnyRole('OFFICER','DIVISION_CHIEF','DIRECTOR')")
class LeadController {

    private final Leads leads;
    private final Outcomes outcomes;
    private final java.time.Clock clock;

    LeadController(Leads leads, Outcomes outcomes, java.time.Clock clock) {
        this.leads = leads;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    @GetMapping
    String list(Jurisdiction jurisdiction, @RequestParam(required = false) String rule,
            @RequestParam(required = false) Double minScore, @RequestParam(required = false) String region,
            @RequestParam(required = false) String applicant, @RequestParam(required = false) String agency,
            @RequestParam(required = false) LeadStatus status, @RequestParam(required = false) LeadSource source,
            @RequestParam(required = false) Long batch, @RequestParam(defaultValue = "false") boolean mine,
            @AuthenticationPrincipal ZhibaoUser user, Model model) {
        LeadFilter filter = new LeadFilter(blankToNull(rule), minScore, blankToNull(region), applicant, agency, status,
                source, batch, mine ? user.officeId() : null);
        var list = leads.list(filter, jurisdiction, Leads.PAGE_LIMIT + 1);
        model.addAttribute("filter", filter);
        model.addAttribute("leads", list.size() > Leads.PAGE_LIMIT ? list.subList(0, Leads.PAGE_LIMIT) : list);
        model.addAttribute("more", list.size() > Leads.PAGE_LIMIT);
        model.addAttribute("rules", Leads.rules());
        model.addAttribute("statuses", LeadStatus.values());
        model.addAttribute("sources", LeadSource.values());
        model.addAttribute("regions", leads.filterRegions(jurisdiction));
        model.addAttribute("mine", mine);
        model.addAttribute("today", LocalDate.now(clock));
        return "leads/list";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, @RequestParam(defaultValue = "0") int pair,
            @AuthenticationPrincipal ZhibaoUser user, Model model) {
        LeadView lead = leads.find(id, user).orElseThrow(LeadNotFound::new);
        model.addAttribute("lead", lead);
        model.addAttribute("today", LocalDate.now(clock));
        switch (lead.rule()) {
            case "P1_DUPLICATE", "P1_COMBINATION" -> model.addAttribute("comparison", lead.batchId() == null ? null
                    : EvidenceModel.comparison(lead, pair));
            case "P4_GENERATED" -> {
                model.addAttribute("generated", lead.batchId() == null ? null : EvidenceModel.generated(lead));
                model.addAttribute("zChart", EvidenceModel.zChart(lead));
            }
            case "P6_SPLIT" -> {
                if (lead.batchId() != null) {
                    model.addAttribute("graph", EvidenceModel.graph(lead));
                    model.addAttribute("entities", EvidenceModel.entities(lead));
                    model.addAttribute("links", EvidenceModel.links(lead));
                }
            }
            default -> {
            }
        }
        model.addAttribute("facts", EvidenceModel.facts(lead));
        if (lead.mayHandDown()) {
            model.addAttribute("targets", leads.handDownTargets(user));
        }
        return "leads/lead";
    }

    @PostMapping("/{id}/confirm")
    String confirm(@PathVariable long id, @RequestParam(required = false) String reasons,
            @RequestParam(required = false) String basis, @AuthenticationPrincipal ZhibaoUser user,
            RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, locale, "leads.done.confirmed", () -> leads.confirm(id, reasons, basis, user));
    }

    @PostMapping("/{id}/dismiss")
    String dismiss(@PathVariable long id, @RequestParam(required = false) String reasons,
            @AuthenticationPrincipal ZhibaoUser user, RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, locale, "leads.done.dismissed", () -> leads.dismiss(id, reasons, user));
    }

    @PostMapping("/{id}/hand-down")
    String handDown(@PathVariable long id, @RequestParam(required = false) Long officeId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate due,
            @RequestParam(required = false) String note, @AuthenticationPrincipal ZhibaoUser user,
            RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, locale, "leads.done.handed-down", () -> {
            if (officeId == null) {
                throw new LeadRefused("leads.refused.no-office");
            }
            leads.handDown(id, officeId, due, note, user);
        });
    }

    private String act(long id, RedirectAttributes redirect, Locale locale, String done, Runnable step) {
        return outcomes.run(redirect, locale, done, "/leads/" + id, step);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
