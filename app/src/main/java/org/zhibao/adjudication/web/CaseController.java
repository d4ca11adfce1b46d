package org.zhibao.adjudication.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

import org.springframework.format.annotation.DateTimeFormat;
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
import org.zhibao.adjudication.Adjudication;
import org.zhibao.adjudication.CaseFilter;
import org.zhibao.adjudication.CaseKind;
import org.zhibao.adjudication.CaseList;
import org.zhibao.adjudication.CaseNotFound;
import org.zhibao.adjudication.CaseRefused;
import org.zhibao.adjudication.CaseStatus;
import org.zhibao.adjudication.CaseView;
import org.zhibao.adjudication.ClockStopReason;
import org.zhibao.adjudication.ExtensionLevel;
import org.zhibao.adjudication.MemberRole;
import org.zhibao.adjudication.SimplifiedEligibility;
import org.zhibao.adjudication.SuspensionGround;
import org.zhibao.identity.ZhibaoUser;
import org.zhibao.region.Jurisdiction;

/** The officials' side of a case: the list, the case page and every step of the procedure. */
@Controller
@RequestMapping("/cases")
@PreAuthorize("hasAnyRole('OFFICER','DIVISION_CHIEF','DIRECTOR','TECHNICAL_INVESTIGATOR','MEDIATOR')")
class CaseController {

    private final Adjudication adjudication;
    private final CaseList lists;
    private final CaseFiles files;
    private final Refusals refusals;
    private final CasePageModel pages;
    private final Steps steps;

    CaseController(Adjudication adjudication, CaseList lists, CaseFiles files, Refusals refusals, CasePageModel pages,
            Steps steps) {
        this.steps = steps;
        this.adjudication = adjudication;
        this.lists = lists;
        this.files = files;
        this.refusals = refusals;
        this.pages = pages;
    }

    @GetMapping
    String list(Jurisdiction jurisdiction, @RequestParam(required = false) CaseStatus status,
            @RequestParam(required = false) CaseKind kind, @RequestParam(required = false) Long officeId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String party, @RequestParam(required = false) String patent,
            @RequestParam(required = false) String q, Model model) {
        CaseFilter filter = new CaseFilter(status, kind, officeId, from, to, party, patent, q);
        model.addAttribute("filter", filter);
        model.addAttribute("cases", lists.list(filter, jurisdiction));
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("kinds", CaseKind.values());
        model.addAttribute("offices", lists.offices(jurisdiction));
        return "adjudication/cases";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal ZhibaoUser user, Model model) {
        CaseView c = adjudication.find(id, user).orElseThrow(CaseNotFound::new);
        pages.fill(model, c, user);
        return "adjudication/case";
    }

    @PostMapping("/{id}/correction")
    String correction(@PathVariable long id, @RequestParam String items,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate due,
            @AuthenticationPrincipal ZhibaoUser user, RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, locale, "adjudication.done.correction-requested",
                () -> adjudication.requestCorrection(id, items, due, user));
    }

    @PostMapping("/{id}/docket")
    String docket(@PathVariable long id, @RequestParam(defaultValue = "false") boolean simplified,
            @RequestParam(defaultValue = "false") boolean clearFacts, @RequestParam(defaultValue = "false") boolean ownership,
            @RequestParam(defaultValue = "false") boolean noInvalidation,
            @RequestParam(defaultValue = "false") boolean evaluationReport, @AuthenticationPrincipal ZhibaoUser user,
            RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, locale, "adjudication.done.docketed", () -> adjudication.docket(id, simplified,
                new SimplifiedEligibility(clearFacts, ownership, noInvalidation, evaluationReport), user));
    }

    @PostMapping("/{id}/refuse")
    String refuse(@PathVariable long id, @RequestParam String reasons, @AuthenticationPrincipal ZhibaoUser user,
            RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, locale, "adjudication.done.refused", () -> adjudication.refuse(id, reasons, user));
    }

    @PostMapping("/{id}/transfer")
    String transfer(@PathVariable long id, @RequestParam long officeId, @RequestParam String reasons,
            @AuthenticationPrincipal ZhibaoUser user, RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, locale, "adjudication.done.transferred",
                () -> adjudication.transfer(id, officeId, reasons, user));
    }

    @PostMapping("/{id}/review-extension")
    String reviewExtension(@PathVariable long id, @RequestParam String reasons, @AuthenticationPrincipal ZhibaoUser user,
            RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, locale, "adjudication.done.saved", () -> adjudication.extendReview(id, reasons, user));
    }

    @PostMapping("/{id}/serve")
    String serve(@PathVariable long id, @RequestParam long partyId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate servedOn,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
            @AuthenticationPrincipal ZhibaoUser user, RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, locale, "adjudication.done.served", () -> redirect.addFlashAttribute("accessCode",
                adjudication.serve(id, partyId, servedOn, receivedOn, user)));
    }

    @PostMapping("/{id}/forward-answer")
    String forwardAnswer(@PathVariable long id, @AuthenticationPrincipal ZhibaoUser user, RedirectAttributes redirect,
            Locale locale) {
        return act(id, redirect, locale, "adjudication.done.saved", () -> adjudication.forwardAnswer(id, user));
    }

    @PostMapping("/{id}/files/{fileId}/serve")
    String serveFile(@PathVariable long id, @PathVariable long fileId, @AuthenticationPrincipal ZhibaoUser user,
            RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, locale, "adjudication.done.saved", () -> adjudication.serveFile(id, fileId, user));
    }

    @PostMapping("/{id}/members")
    String assign(@PathVariable long id, @RequestParam long accountId, @RequestParam MemberRole role,
            @AuthenticationPrincipal ZhibaoUser user, RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, locale, "adjudication.done.saved", () -> adjudication.assign(id, accountId, role, user));
    }

    @PostMapping("/{id}/members/{memberId}/remove")
    String removeMember(@PathVariable long id, @PathVariable long memberId, @RequestParam String reason,
            @AuthenticationPrincipal ZhibaoUser user, RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, locale, "adjudication.done.saved",
                () -> adjudication.removeMember(id, memberId, reason, user));
    }

    @PostMapping("/{id}/recusals/{recusalId}")
    String decideRecusal(@PathVariable long id, @PathVariable long recusalId, @RequestParam boolean granted,
            @AuthenticationPrincipal ZhibaoUser user, RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, locale, "adjudication.done.saved",
                () -> adjudication.decideRecusal(id, recusalId, granted, user));
    }

    @PostMapping("/{id}/hearing")
    String hearing(@PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime at,
            @RequestParam String place, @AuthenticationPrincipal ZhibaoUser user, RedirectAttributes redirect,
            Locale locale) {
        return act(id, redirect, locale, "adjudication.done.hearing-scheduled",
                () -> adjudication.scheduleHearing(id, at, place, user));
    }

    @PostMapping("/{id}/heard")
    String heard(@PathVariable long id, @AuthenticationPrincipal ZhibaoUser user, RedirectAttributes redirect,
            Locale locale) {
        return act(id, redirect, locale, "adjudication.done.saved", () -> adjudication.recordHearing(id, user));
    }

    @PostMapping("/{id}/suspend")
    String suspend(@PathVariable long id, @RequestParam(required = false) SuspensionGround ground,
            @RequestParam String grounds, @AuthenticationPrincipal ZhibaoUser user, RedirectAttributes redirect,
            Locale locale) {
        return act(id, redirect, locale, "adjudication.done.suspended",
                () -> adjudication.suspend(id, ground, grounds, user));
    }

    @PostMapping("/{id}/resume")
    String resume(@PathVariable long id, @AuthenticationPrincipal ZhibaoUser user, RedirectAttributes redirect,
            Locale locale) {
        return act(id, redirect, locale, "adjudication.done.resumed", () -> adjudication.resume(id, user));
    }

    @PostMapping("/{id}/clock-stop")
    String stopClock(@PathVariable long id, @RequestParam ClockStopReason reason, @RequestParam String grounds,
            @AuthenticationPrincipal ZhibaoUser user, RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, locale, "adjudication.done.saved", () -> adjudication.stopClock(id, reason, grounds, user));
    }

    @PostMapping("/{id}/clock-restart")
    String restartClock(@PathVariable long id, @AuthenticationPrincipal ZhibaoUser user, RedirectAttributes redirect,
            Locale locale) {
        return act(id, redirect, locale, "adjudication.done.saved", () -> adjudication.restartClock(id, user));
    }

    @PostMapping("/{id}/extension")
    String requestExtension(@PathVariable long id, @RequestParam ExtensionLevel level, @RequestParam String reasons,
            @AuthenticationPrincipal ZhibaoUser user, RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, locale, "adjudication.done.extension-requested",
                () -> adjudication.requestExtension(id, level, reasons, user));
    }

    @PostMapping("/{id}/extensions/{extensionId}")
    String decideExtension(@PathVariable long id, @PathVariable long extensionId, @RequestParam boolean approve,
            @RequestParam(required = false) String reasons, @RequestParam(required = false) String back,
            @AuthenticationPrincipal ZhibaoUser user, RedirectAttributes redirect, Locale locale) {
        String view = act(id, redirect, locale, "adjudication.done.saved",
                () -> adjudication.decideExtension(id, extensionId, approve, reasons, user));
        return "approvals".equals(back) ? "redirect:/cases/approvals" : view;
    }

    @PostMapping("/{id}/mediation")
    String startMediation(@PathVariable long id, @RequestParam(defaultValue = "false") boolean requesterConsent,
            @RequestParam(defaultValue = "false") boolean respondentConsent, @AuthenticationPrincipal ZhibaoUser user,
            RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, locale, "adjudication.done.saved",
                () -> adjudication.startMediation(id, requesterConsent, respondentConsent, user));
    }

    @PostMapping("/{id}/mediation/agreement")
    String mediationAgreed(@PathVariable long id, @RequestParam String terms,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate signedOn,
            @AuthenticationPrincipal ZhibaoUser user, RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, locale, "adjudication.done.mediated",
                () -> adjudication.mediationAgreed(id, terms, signedOn, user));
    }

    @PostMapping("/{id}/mediation/failed")
    String mediationFailed(@PathVariable long id, @AuthenticationPrincipal ZhibaoUser user, RedirectAttributes redirect,
            Locale locale) {
        return act(id, redirect, locale, "adjudication.done.saved", () -> adjudication.mediationFailed(id, user));
    }

    @PostMapping("/{id}/mediation/route")
    String route(@PathVariable long id, @RequestParam String route, @RequestParam(required = false) String court,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate filedOn,
            @RequestParam(required = false) String result,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate resultOn,
            @AuthenticationPrincipal ZhibaoUser user, RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, locale, "adjudication.done.saved", () -> adjudication.recordEnforceabilityRoute(id,
                route, court, filedOn, result == null || result.isBlank() ? null : result, resultOn, user));
    }

    @PostMapping("/{id}/decision")
    String decide(@PathVariable long id, @RequestParam(required = false) String outcome, @RequestParam String text,
            @AuthenticationPrincipal ZhibaoUser user, RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, locale, "adjudication.done.decided", () -> adjudication.decide(id, outcome, text, user));
    }

    @PostMapping("/{id}/decision/served")
    String decisionServed(@PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
            @AuthenticationPrincipal ZhibaoUser user, RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, locale, "adjudication.done.saved", () -> adjudication.serveDecision(id, receivedOn, user));
    }

    @PostMapping("/{id}/publication")
    String publish(@PathVariable long id, @RequestParam(required = false) String text,
            @AuthenticationPrincipal ZhibaoUser user, RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, locale, "adjudication.done.published", () -> adjudication.publish(id, text, user));
    }

    @PostMapping("/{id}/aftermath")
    String aftermath(@PathVariable long id, @RequestParam String kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            @RequestParam(required = false) String byWhom, @RequestParam(required = false) String detail,
            @AuthenticationPrincipal ZhibaoUser user, RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, locale, "adjudication.done.saved",
                () -> adjudication.recordAftermath(id, kind, on, byWhom, detail, user));
    }

    @PostMapping("/{id}/files")
    String upload(@PathVariable long id, @RequestParam String category, @RequestParam(required = false) String description,
            @RequestParam("file") List<MultipartFile> uploads, @AuthenticationPrincipal ZhibaoUser user,
            RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, locale, "adjudication.done.file-added", () -> {
            for (MultipartFile upload : uploads) {
                if (!upload.isEmpty()) {
                    adjudication.addFile(id, category, description, files.accept(upload), user);
                }
            }
        });
    }

    @GetMapping("/approvals")
    @PreAuthorize("hasRole('DIRECTOR')")
    String approvals(@AuthenticationPrincipal ZhibaoUser user, Model model) {
        model.addAttribute("requests", lists.pendingExtensions(user));
        return "adjudication/approvals";
    }

    @GetMapping("/simplified-procedure")
    @PreAuthorize("hasRole('DIRECTOR')")
    String simplified(@AuthenticationPrincipal ZhibaoUser user, Model model) {
        model.addAttribute("rule", adjudication.simplifiedProcedure(user).orElse(null));
        return "adjudication/simplified";
    }

    @PostMapping("/simplified-procedure")
    @PreAuthorize("hasRole('DIRECTOR')")
    String setSimplified(@RequestParam(defaultValue = "0") int timeLimitDays, @RequestParam String basis,
            @AuthenticationPrincipal ZhibaoUser user, RedirectAttributes redirect, Locale locale) {
        try {
            adjudication.setSimplifiedProcedure(timeLimitDays, basis, user);
            redirect.addFlashAttribute("notice", "adjudication.done.saved");
        }
        catch (CaseRefused refused) {
            redirect.addFlashAttribute("problem", refusals.say(refused, locale));
        }
        return "redirect:/cases/simplified-procedure";
    }

    @GetMapping("/conflicts")
    String conflicts(@AuthenticationPrincipal ZhibaoUser user, Model model) {
        model.addAttribute("declarations", lists.conflicts(user));
        return "adjudication/conflicts";
    }

    @PostMapping("/conflicts")
    String declare(@RequestParam(required = false) String partyName, @RequestParam(required = false) String creditCode,
            @RequestParam String grounds, @AuthenticationPrincipal ZhibaoUser user, RedirectAttributes redirect,
            Locale locale) {
        try {
            adjudication.declareConflict(partyName, creditCode, grounds, user);
            redirect.addFlashAttribute("notice", "adjudication.done.saved");
        }
        catch (CaseRefused refused) {
            redirect.addFlashAttribute("problem", refusals.say(refused, locale));
        }
        return "redirect:/cases/conflicts";
    }

    private String act(long id, RedirectAttributes redirect, Locale locale, String done, Runnable step) {
        return steps.run("/cases/" + id, redirect, locale, done, step);
    }

    @ExceptionHandler(CaseNotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }
}
