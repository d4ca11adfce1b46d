package org.zhibao.adjudication.web;

import java.util.Locale;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhibao.adjudication.CaseRefused;
import org.zhibao.document.DocumentFontMissing;

/**
 * Runs one step of a case from a form and goes back to the case page: with the step's notice when it was
 * done, with the reason in the user's language when the procedure refused it (nothing was changed then).
 */
@Component
class Steps {

    private final Refusals refusals;

    Steps(Refusals refusals) {
        this.refusals = refusals;
    }

    String run(String casePage, RedirectAttributes redirect, Locale locale, String done, Runnable step) {
        try {
            step.run();
            redirect.addFlashAttribute("notice", done);
        }
        catch (CaseRefused refused) {
            redirect.addFlashAttribute("problem", refusals.say(refused, locale));
        }
        catch (CaseFiles.Refused refused) {
            redirect.addFlashAttribute("problem", refused.getMessage());
        }
        catch (DocumentFontMissing missing) {
            // the step needs its document: nothing was done; the message names the font package to install
            redirect.addFlashAttribute("problem", missing.getMessage());
        }
        return "redirect:" + casePage;
    }
}
