package org.zhibao.adjudication.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.zhibao.adjudication.Adjudication;
import org.zhibao.adjudication.CaseList;
import org.zhibao.adjudication.CaseView;
import org.zhibao.adjudication.ClockStopReason;
import org.zhibao.adjudication.ExtensionLevel;
import org.zhibao.adjudication.MemberRole;
import org.zhibao.adjudication.RunningPeriod;
import org.zhibao.adjudication.SuspensionGround;
import org.zhibao.calendar.Deadline;
import org.zhibao.calendar.DeadlineExplanations;
import org.zhibao.identity.Role;
import org.zhibao.identity.ZhibaoUser;

/** What a case page shows besides the case: its periods explained, and the choices its forms offer. */
@Component
class CasePageModel {

    /** A period as a line of the page: name, basis, dates, days left, and how it was counted. */
    record PeriodLine(RunningPeriod period, String name, String basis, long daysLeft, List<String> explanation) {
    }

    private final Adjudication adjudication;
    private final CaseList lists;
    private final DeadlineExplanations explanations;
    private final MessageSource messages;

    CasePageModel(Adjudication adjudication, CaseList lists, DeadlineExplanations explanations,
            MessageSource messages) {
        this.adjudication = adjudication;
        this.lists = lists;
        this.explanations = explanations;
        this.messages = messages;
    }

    void fill(Model model, CaseView c, ZhibaoUser user) {
        Locale locale = LocaleContextHolder.getLocale();
        LocalDate today = adjudication.today();
        model.addAttribute("c", c);
        model.addAttribute("today", today);
        model.addAttribute("periods", periods(c, today, locale));
        if (c.isOfficial()) {
            boolean ownOffice = user.officeId() != null && user.officeId() == c.officeId();
            model.addAttribute("acting", ownOffice);
            model.addAttribute("head", ownOffice && user.has(Role.DIRECTOR));
            model.addAttribute("recusals", lists.pendingRecusals(c.id()));
            if (ownOffice) {
                model.addAttribute("officials", lists.officeMembers(user));
                model.addAttribute("transferOffices", lists.allOffices().stream()
                        .filter(o -> o.id() != c.officeId()).toList());
            }
            model.addAttribute("memberRoles", MemberRole.values());
            model.addAttribute("suspensionGrounds", SuspensionGround.values());
            model.addAttribute("clockReasons", List.of(ClockStopReason.ANNOUNCEMENT, ClockStopReason.APPRAISAL,
                    ClockStopReason.JURISDICTION_OBJECTION, ClockStopReason.EVIDENCE_EXTENSION,
                    ClockStopReason.SETTLEMENT));
            model.addAttribute("extensionLevels", ExtensionLevel.values());
            model.addAttribute("earliestHearing", adjudication.earliestHearing(today));
        }
    }

    List<PeriodLine> periods(CaseView c, LocalDate today, Locale locale) {
        List<PeriodLine> lines = new ArrayList<>();
        for (RunningPeriod p : c.periods()) {
            List<String> explanation = new ArrayList<>();
            for (int i = 0; i < p.computation().size(); i++) {
                Deadline d = p.computation().get(i);
                if (i > 0 && p.addedBackDays() > 0) {
                    explanation.add(messages.getMessage("adjudication.period.added-back",
                            new Object[] { p.addedBackDays() }, locale));
                }
                explanation.add(explanations.rule(d, locale));
                explanation.addAll(explanations.explain(d, locale));
            }
            String name = messages.getMessage(p.period().messageCode(), null, locale)
                    + (p.subject() == null ? "" : " — " + p.subject());
            lines.add(new PeriodLine(p, name, messages.getMessage(p.basis(), null, p.basis(), locale),
                    p.daysLeft(today), explanation));
        }
        return lines;
    }
}
