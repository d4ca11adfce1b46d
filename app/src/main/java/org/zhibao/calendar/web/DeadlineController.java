package org.zhibao.calendar.web;

import java.util.Locale;

import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.zhibao.calendar.Deadline;
import org.zhibao.calendar.DeadlineExplanations;
import org.zhibao.calendar.Deadlines;

/**
 * The deadline calculator. Open to every signed-in user: it shows nothing but the published holiday
 * calendar applied to the dates the user types.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class DeadlineController {

    static final String FORM = "calendarDeadline";

    private final Deadlines deadlines;
    private final DeadlineExplanations explanations;

    DeadlineController(Deadlines deadlines, DeadlineExplanations explanations) {
        this.deadlines = deadlines;
        this.explanations = explanations;
    }

    /** The empty form: nothing asked yet, so nothing to complain about. */
    @GetMapping(path = "/calendar/deadline", params = { "!start", "!days", "!kind" })
    String form(Model model) {
        model.addAttribute(FORM, new DeadlineForm());
        return "calendar/deadline";
    }

    @GetMapping("/calendar/deadline")
    String calculate(@Valid @ModelAttribute(FORM) DeadlineForm form, BindingResult errors, Model model, Locale locale) {
        if (!errors.hasErrors()) {
            Deadline deadline = deadlines.after(form.getKind(), form.getStart(), form.getDays());
            model.addAttribute("deadline", deadline);
            model.addAttribute("end", explanations.date(deadline.end(), locale));
            model.addAttribute("rule", explanations.rule(deadline, locale));
            model.addAttribute("steps", explanations.explain(deadline, locale));
        }
        return "calendar/deadline";
    }
}
