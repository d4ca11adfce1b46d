package org.zhibao.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class DeadlineExplanationsTests {

    final DeadlineExplanations explanations = new DeadlineExplanations(messages());
    final Deadlines deadlines = new Deadlines(WorkingDayCalendar.libraryOnly());

    static ResourceBundleMessageSource messages() {
        return org.zhibao.TestBundles.of("i18n/calendar");
    }

    @Test
    void explainsACountInChinese() {
        List<String> lines = explanations.explain(deadlines.workingDaysAfter(LocalDate.of(2025, 9, 28), 5),
                Locale.SIMPLIFIED_CHINESE);

        assertThat(lines.get(0)).contains("2025-09-28").contains("起算日");
        assertThat(lines.get(2)).contains("国庆中秋").contains("2025-10-01").contains("2025-10-08").contains("8");
        assertThat(lines.get(4)).contains("调休上班日").contains("2025-10-11");
        assertThat(lines.get(5)).contains("届满日");
    }

    @Test
    void explainsACountInEnglishWithTheHolidaysEnglishName() {
        Deadline deadline = deadlines.workingDaysAfter(LocalDate.of(2025, 9, 28), 5);

        List<String> lines = explanations.explain(deadline, Locale.ENGLISH);

        assertThat(lines.get(2)).contains("National Day and Mid-Autumn Festival holiday").contains("Wed 2025-10-01");
        assertThat(lines.get(5)).isEqualTo("The period ends on Sat 2025-10-11.");
        assertThat(explanations.rule(deadline, Locale.ENGLISH)).startsWith("Counted in working days");
        assertThat(String.join("", lines)).doesNotContainPattern("\\p{IsHan}");
    }

    @Test
    void everyStepAndRuleHasATextInBothLanguages() {
        ResourceBundleMessageSource source = messages();
        source.setUseCodeAsDefaultMessage(false);
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            LocalDate day = LocalDate.of(2025, 10, 1);
            for (DeadlineStep.Type type : DeadlineStep.Type.values()) {
                for (DeadlineStep step : List.of(DeadlineStep.on(type, day), DeadlineStep.between(type, day, day.plusDays(2)))) {
                    assertThat(source.getMessage(step.code(), new Object[7], locale)).as(step.code() + " " + locale)
                            .isNotBlank();
                }
            }
            Arrays.stream(Deadline.Kind.values()).forEach(kind -> assertThat(
                    source.getMessage(kind.ruleCode(), null, locale)).isNotBlank());
            Arrays.stream(DayKind.Type.values()).forEach(type -> assertThat(
                    source.getMessage(type.code(), null, locale)).isNotBlank());
            Arrays.stream(DayKind.Source.values()).forEach(kind -> assertThat(
                    source.getMessage(kind.code(), null, locale)).isNotBlank());
        }
    }
}
