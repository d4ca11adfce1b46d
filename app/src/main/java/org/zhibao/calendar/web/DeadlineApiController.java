package org.zhibao.calendar.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhibao.calendar.Deadline;
import org.zhibao.calendar.DeadlineExplanations;
import org.zhibao.calendar.DeadlineStep;
import org.zhibao.calendar.Deadlines;

/** The deadline calculator for programs: the same answer as the page, with each step's text in the request's language. */
@RestController
@PreAuthorize("isAuthenticated()")
class DeadlineApiController {

    private final Deadlines deadlines;
    private final DeadlineExplanations explanations;

    DeadlineApiController(Deadlines deadlines, DeadlineExplanations explanations) {
        this.deadlines = deadlines;
        this.explanations = explanations;
    }

    @GetMapping("/api/v1/calendar/deadline")
    DeadlineJson deadline(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate start,
            @RequestParam @Min(0) @Max(DeadlineForm.MAX_DAYS) int days, @RequestParam Deadline.Kind kind,
            Locale locale) {
        Deadline deadline = deadlines.after(kind, start, days);
        return new DeadlineJson(deadline.start().toString(), deadline.end().toString(), deadline.kind(),
                deadline.days(), explanations.rule(deadline, locale), deadline.reachesUnknownYears(),
                deadline.steps().stream().map(step -> StepJson.of(step, explanations.holidayName(step, locale),
                        explanations.step(step, locale))).toList());
    }

    record DeadlineJson(String start, String end, Deadline.Kind kind, int days, String rule,
            boolean reachesUnknownYears, List<StepJson> steps) {
    }

    record StepJson(String code, String date, String to, int days, int total, String name, String source,
            String text) {

        static StepJson of(DeadlineStep step, String name, String text) {
            return new StepJson(step.code(), step.from().toString(), step.to().toString(), step.days(), step.total(),
                    name.isEmpty() ? null : name, step.source() == null ? null : step.source().name(), text);
        }
    }
}
