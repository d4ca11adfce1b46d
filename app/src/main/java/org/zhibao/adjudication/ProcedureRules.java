package org.zhibao.adjudication;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.zhibao.calendar.Deadline.Kind;

/**
 * A version of the rules of procedure, in force from a date: a case follows the version in force when it was
 * filed. The 2025 measures (专利纠纷行政裁决和调解办法, national IP administration order no. 81, in force
 * 2025-02-01) are the only version whose figures are confirmed here; a case filed earlier is refused until
 * the earlier measures (2015, 2021) are entered with their basis, rather than counted by guessed figures.
 */
public record ProcedureRules(String name, LocalDate inForceFrom, Map<Period, PeriodRule> periods, int maximumMonths) {

    public static final ProcedureRules MEASURES_2025 = new ProcedureRules("adjudication.rules.measures-2025",
            LocalDate.of(2025, 2, 1), periods(
                    rule(Period.ACCEPTANCE_REVIEW, 5, Kind.WORKING, "adjudication.basis.art-20"),
                    rule(Period.ACCEPTANCE_REVIEW_EXTENSION, 5, Kind.WORKING, "adjudication.basis.art-20"),
                    rule(Period.SERVICE_ON_RESPONDENT, 5, Kind.WORKING, "adjudication.basis.art-22"),
                    rule(Period.ANSWER, 15, Kind.CALENDAR, "adjudication.basis.art-22"),
                    rule(Period.ANSWER_WITHOUT_DOMICILE_IN_CHINA, 30, Kind.CALENDAR, "adjudication.basis.art-22"),
                    rule(Period.ANSWER_FORWARDING, 5, Kind.WORKING, "adjudication.basis.art-22"),
                    rule(Period.RECUSAL_APPLICATION, 3, Kind.WORKING, "adjudication.basis.art-5"),
                    rule(Period.CASE_TIME_LIMIT, 3, Kind.MONTHS, "adjudication.basis.art-37"),
                    rule(Period.EXTENSION_BY_OFFICE_HEAD, 1, Kind.MONTHS, "adjudication.basis.art-37"),
                    rule(Period.EXTENSION_BY_HIGHER_OFFICE, 2, Kind.MONTHS, "adjudication.basis.art-37"),
                    rule(Period.PUBLICATION, 20, Kind.WORKING, "adjudication.basis.art-31"),
                    rule(Period.LAWSUIT, 15, Kind.CALENDAR, "adjudication.basis.patent-law-art-65"),
                    rule(Period.ENFORCEMENT_APPLICATION_BY_OFFICE, 3, Kind.MONTHS, "adjudication.basis.art-80"),
                    rule(Period.ENFORCEMENT_APPLICATION_BY_RIGHT_HOLDER, 6, Kind.MONTHS, "adjudication.basis.art-80"),
                    rule(Period.DRUG_PATENT_WINDOW, 45, Kind.CALENDAR, "adjudication.basis.art-60-62")),
            6);

    /** Every version known, newest first. */
    static final List<ProcedureRules> VERSIONS = List.of(MEASURES_2025);

    public ProcedureRules {
        periods = Map.copyOf(periods);
    }

    /** The version in force on the day a case was filed, if zhibao has it. */
    public static Optional<ProcedureRules> inForceOn(LocalDate filed) {
        return VERSIONS.stream().filter(rules -> !filed.isBefore(rules.inForceFrom())).findFirst();
    }

    /** The version a case was filed under, by the name stored with the case. */
    public static ProcedureRules named(String name) {
        return VERSIONS.stream().filter(rules -> rules.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No rules named " + name));
    }

    public PeriodRule rule(Period period) {
        PeriodRule rule = periods.get(period);
        if (rule == null) {
            throw new IllegalArgumentException(name + " sets no period " + period);
        }
        return rule;
    }

    private static PeriodRule rule(Period period, int length, Kind counting, String basis) {
        return new PeriodRule(period, length, counting, basis);
    }

    private static Map<Period, PeriodRule> periods(PeriodRule... rules) {
        Map<Period, PeriodRule> map = new EnumMap<>(Period.class);
        for (PeriodRule rule : rules) {
            map.put(rule.period(), rule);
        }
        return map;
    }
}
