package org.zhibao.adjudication.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.context.MessageSource;
import org.zhibao.adjudication.Adjudication;
import org.zhibao.adjudication.CaseKind;
import org.zhibao.adjudication.CaseList;
import org.zhibao.adjudication.CaseNotFound;
import org.zhibao.adjudication.CaseRefused;
import org.zhibao.adjudication.CaseView;
import org.zhibao.adjudication.FieldProblem;
import org.zhibao.adjudication.FileRequest;
import org.zhibao.adjudication.InvalidRequest;
import org.zhibao.adjudication.PartyInput;
import org.zhibao.identity.ZhibaoUser;
import org.zhibao.region.RegionLevel;
import org.zhibao.region.Regions;

/** The parties' side: filing a request, joining a served case, following it, answering, adding evidence. */
@Controller
@RequestMapping("/portal")
@PreAuthorize("hasRole('PUBLIC_USER')")
class PortalController {

    static final int RESPONDENT_ROWS = 3;

    record PartyFieldset(String prefix, String legend) {
    }

    /** The request form's values as typed, to show them again beside the errors. */
    static final class RequestForm {
        private final Map<String, String> values;

        RequestForm(Map<String, String> values) {
            this.values = values;
        }

        public String value(String key) {
            return values.getOrDefault(key, "");
        }
    }

    private final Adjudication adjudication;
    private final CaseList lists;
    private final CaseFiles files;
    private final Refusals refusals;
    private final CasePageModel pages;
    private final Regions regions;
    private final MessageSource messages;
    private final Steps steps;

    PortalController(Adjudication adjudication, CaseList lists, CaseFiles files, Refusals refusals,
            CasePageModel pages, Regions regions, MessageSource messages, Steps steps) {
        this.steps = steps;
        this.adjudication = adjudication;
        this.lists = lists;
        this.files = files;
        this.refusals = refusals;
        this.pages = pages;
        this.regions = regions;
        this.messages = messages;
    }

    @GetMapping("/cases")
    String cases(@AuthenticationPrincipal ZhibaoUser user, Model model) {
        model.addAttribute("cases", lists.partyCases(user));
        return "portal/cases";
    }

    @GetMapping("/requests/new")
    String newRequest(Model model, Locale locale) {
        return form(model, new RequestForm(Map.of("kind", "ORDINARY")), Map.of(), locale);
    }

    @PostMapping("/requests")
    String file(@RequestParam Map<String, String> params, @RequestParam(name = "file", required = false) List<MultipartFile> uploads,
            @AuthenticationPrincipal ZhibaoUser user, Model model, Locale locale, RedirectAttributes redirect) {
        FileRequest request = request(params);
        CaseView filed;
        try {
            filed = adjudication.file(request, user);
        }
        catch (InvalidRequest invalid) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldProblem problem : invalid.problems()) {
                errors.putIfAbsent(problem.field().replace("respondents[", "respondent").replace("]", ""),
                        refusals.say(problem, locale));
            }
            return form(model, new RequestForm(params), errors, locale);
        }
        try {
            for (MultipartFile upload : uploads == null ? List.<MultipartFile>of() : uploads) {
                if (!upload.isEmpty()) {
                    adjudication.addFile(filed.id(), "EVIDENCE", "", files.accept(upload), user);
                }
            }
            redirect.addFlashAttribute("notice", "adjudication.done.filed");
        }
        catch (CaseRefused refused) {
            redirect.addFlashAttribute("problem", refusals.say(refused, locale));
        }
        catch (CaseFiles.Refused refused) {
            redirect.addFlashAttribute("problem", refused.getMessage());
        }
        return "redirect:/portal/cases/" + filed.id();
    }

    @PostMapping("/cases/join")
    String join(@RequestParam String caseNumber, @RequestParam String code, @AuthenticationPrincipal ZhibaoUser user,
            RedirectAttributes redirect, Locale locale) {
        try {
            long id = adjudication.joinAsRespondent(caseNumber, code, user);
            redirect.addFlashAttribute("notice", "adjudication.done.joined");
            return "redirect:/portal/cases/" + id;
        }
        catch (CaseRefused refused) {
            redirect.addFlashAttribute("problem", refusals.say(refused, locale));
            return "redirect:/portal/cases";
        }
    }

    @GetMapping("/cases/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal ZhibaoUser user, Model model) {
        CaseView c = adjudication.find(id, user).orElseThrow(CaseNotFound::new);
        pages.fill(model, c, user);
        return "portal/case";
    }

    @PostMapping("/cases/{id}/answer")
    String answer(@PathVariable long id, @RequestParam String statement,
            @RequestParam(name = "file", required = false) List<MultipartFile> uploads,
            @AuthenticationPrincipal ZhibaoUser user, RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, locale, "adjudication.done.answered", () -> {
            adjudication.answer(id, statement, user);
            upload(id, "ANSWER", "", uploads, user);
        });
    }

    @PostMapping("/cases/{id}/correction")
    String correction(@PathVariable long id, @RequestParam String statement,
            @RequestParam(name = "file", required = false) List<MultipartFile> uploads,
            @AuthenticationPrincipal ZhibaoUser user, RedirectAttributes redirect, Locale locale) {
        adjudication.find(id, user).orElseThrow(CaseNotFound::new);
        return act(id, redirect, locale, "adjudication.done.saved", () -> {
            upload(id, "CORRECTION", statement, uploads, user);
            adjudication.submitCorrection(id, statement, user);
        });
    }

    @PostMapping("/cases/{id}/files")
    String evidence(@PathVariable long id, @RequestParam(required = false) String description,
            @RequestParam(required = false) Long supersedes,
            @RequestParam(name = "file", required = false) List<MultipartFile> uploads,
            @AuthenticationPrincipal ZhibaoUser user, RedirectAttributes redirect, Locale locale) {
        adjudication.find(id, user).orElseThrow(CaseNotFound::new);
        return act(id, redirect, locale, "adjudication.done.file-added", () -> {
            for (MultipartFile upload : uploads == null ? List.<MultipartFile>of() : uploads) {
                if (!upload.isEmpty()) {
                    adjudication.addFile(id, "EVIDENCE", description, files.accept(upload), supersedes, user);
                }
            }
        });
    }

    @PostMapping("/cases/{id}/withdraw")
    String withdraw(@PathVariable long id, @RequestParam(required = false) String reason,
            @AuthenticationPrincipal ZhibaoUser user, RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, locale, "adjudication.done.withdrawn", () -> adjudication.withdraw(id, reason, user));
    }

    @PostMapping("/cases/{id}/recusal")
    String recusal(@PathVariable long id, @RequestParam long memberId, @RequestParam String grounds,
            @AuthenticationPrincipal ZhibaoUser user, RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, locale, "adjudication.done.saved",
                () -> adjudication.applyForRecusal(id, memberId, grounds, user));
    }

    private void upload(long id, String category, String description, List<MultipartFile> uploads, ZhibaoUser user) {
        for (MultipartFile upload : uploads == null ? List.<MultipartFile>of() : uploads) {
            if (!upload.isEmpty()) {
                adjudication.addFile(id, category, description, files.accept(upload), user);
            }
        }
    }

    private String act(long id, RedirectAttributes redirect, Locale locale, String done, Runnable step) {
        return steps.run("/portal/cases/" + id, redirect, locale, done, step);
    }

    private String form(Model model, RequestForm form, Map<String, String> errors, Locale locale) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", List.of(CaseKind.ORDINARY, CaseKind.MAJOR, CaseKind.DRUG_PATENT));
        model.addAttribute("offices", lists.allOffices());
        model.addAttribute("regions", regions.all().stream().filter(r -> r.level() == RegionLevel.PREFECTURE
                || r.level() == RegionLevel.COUNTY).toList());
        List<PartyFieldset> parties = new ArrayList<>();
        parties.add(new PartyFieldset("requester", messages.getMessage("adjudication.party-role.REQUESTER", null, locale)));
        for (int i = 0; i < RESPONDENT_ROWS; i++) {
            parties.add(new PartyFieldset("respondent" + i,
                    messages.getMessage("adjudication.request.respondent-n", new Object[] { i + 1 }, locale)));
        }
        model.addAttribute("parties", parties);
        return "portal/request";
    }

    static FileRequest request(Map<String, String> p) {
        CaseKind kind;
        try {
            kind = CaseKind.valueOf(p.getOrDefault("kind", "ORDINARY"));
        }
        catch (IllegalArgumentException e) {
            kind = CaseKind.ORDINARY;
        }
        long officeId;
        try {
            officeId = Long.parseLong(p.getOrDefault("officeId", "0"));
        }
        catch (NumberFormatException e) {
            officeId = 0;
        }
        LocalDate generic = null;
        try {
            String g = p.getOrDefault("genericPublishedOn", "");
            generic = g.isBlank() ? null : LocalDate.parse(g);
        }
        catch (java.time.format.DateTimeParseException ignored) {
            // left empty: the rules say it is required for drug-patent cases
        }
        List<PartyInput> respondents = new ArrayList<>();
        for (int i = 0; i < RESPONDENT_ROWS; i++) {
            String prefix = "respondent" + i + ".";
            if (!p.getOrDefault(prefix + "name", "").isBlank() || !p.getOrDefault(prefix + "address", "").isBlank()) {
                respondents.add(new PartyInput(p.get(prefix + "name"), p.get(prefix + "address"),
                        p.get(prefix + "creditCode"), !"true".equals(p.get(prefix + "abroad")), p.get(prefix + "agent")));
            }
        }
        return new FileRequest(kind, officeId, p.get("patentNumber"), p.get("patentTitle"), p.get("claims"),
                p.get("facts"), p.get("requestedOrders"), p.get("infringementRegion"),
                new PartyInput(p.get("requester.name"), p.get("requester.address"), p.get("requester.creditCode"), true,
                        p.get("requester.agent")),
                respondents, generic);
    }

    @ExceptionHandler(CaseNotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }
}
