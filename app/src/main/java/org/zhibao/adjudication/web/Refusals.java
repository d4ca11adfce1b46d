package org.zhibao.adjudication.web;

import java.util.Arrays;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.zhibao.adjudication.CaseRefused;
import org.zhibao.adjudication.FieldProblem;

/** Says a refusal in the user's language; arguments that are themselves message codes are said too. */
@Component
class Refusals {

    private final MessageSource messages;

    Refusals(MessageSource messages) {
        this.messages = messages;
    }

    String say(CaseRefused refusal, Locale locale) {
        return messages.getMessage(refusal.messageCode(), resolve(refusal.arguments(), locale), locale);
    }

    String say(FieldProblem problem, Locale locale) {
        return messages.getMessage(problem.messageCode(), resolve(problem.arguments(), locale), locale);
    }

    private Object[] resolve(Object[] arguments, Locale locale) {
        return Arrays.stream(arguments).map(a -> a instanceof String s && s.matches("[a-z]+\\.[a-z0-9.\\-_A-Z]+")
                ? messages.getMessage(s, null, s, locale) : a).toArray();
    }
}
