package org.zhibao.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * Renders deadlines and days in the user's language from the calendar's message bundle. Holiday names
 * from the library are translated where the bundle has them; an administrator's names are shown as
 * entered.
 */
public class DeadlineExplanations {

    private final MessageSource messages;

    public DeadlineExplanations(MessageSource messages) {
        this.messages = messages;
    }

    /** The explanation, one sentence a step. */
    public List<String> explain(Deadline deadline, Locale locale) {
        return deadline.steps().stream().map(step -> step(step, locale)).toList();
    }

    /** The counting rule the deadline followed. */
    public String rule(Deadline deadline, Locale locale) {
        return messages.getMessage(deadline.kind().ruleCode(), null, locale);
    }

    public String step(DeadlineStep step, Locale locale) {
        Object[] arguments = {
                date(step.from(), locale),
                date(step.to(), locale),
                step.days(),
                step.total(),
                holidayName(step.name(), step.nameCode(), locale),
                step.source() == null ? "" : messages.getMessage(step.source().code(), null, locale),
                String.valueOf(step.from().getYear()) };
        return messages.getMessage(step.code(), arguments, locale);
    }

    /** A holiday's name in the user's language where known. */
    public String holidayName(DayKind day, Locale locale) {
        return holidayName(day.name(), day.nameCode(), locale);
    }

    /** The name of the holiday a step is about, in the user's language where known; empty when none. */
    public String holidayName(DeadlineStep step, Locale locale) {
        return holidayName(step.name(), step.nameCode(), locale);
    }

    public String date(LocalDate day, Locale locale) {
        String pattern = messages.getMessage("calendar.date-pattern", null, "yyyy-MM-dd", locale);
        return DateTimeFormatter.ofPattern(pattern, locale).format(day);
    }

    private String holidayName(String name, String code, Locale locale) {
        if (name == null) {
            return "";
        }
        return code == null ? name : messages.getMessage(code, null, name, locale);
    }
}
