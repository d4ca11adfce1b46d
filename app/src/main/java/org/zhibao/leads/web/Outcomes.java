package org.zhibao.leads.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhibao.leads.LeadRefused;

/**
 * Runs a step a form asked for and tells the next page how it went: the done-message on success, the refusal in
 * the user's language otherwise. The step either happens whole or not at all.
 */
@Component
class Outcomes {

    private final MessageSource messages;

    Outcomes(MessageSource messages) {
        this.messages = messages;
    }

    /** Runs {@code step}; redirects to {@code next} in either case. */
    String run(RedirectAttributes redirect, Locale locale, String done, String next, Runnable step) {
        try {
            step.run();
            redirect.addFlashAttribute("notice", done);
        }
        catch (LeadRefused refused) {
            refuse(redirect, locale, refused);
        }
        return "redirect:" + next;
    }

    void refuse(RedirectAttributes redirect, Locale locale, LeadRefused refused) {
        redirect.addFlashAttribute("refusal", messages.getMessage(refused.messageCode(), refused.arguments(), locale));
    }
}
