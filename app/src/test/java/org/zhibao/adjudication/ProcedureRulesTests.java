package org.zhibao.adjudication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.zhibao.TestBundles;
import org.zhibao.calendar.Deadline;
import org.zhibao.calendar.Deadlines;
import org.zhibao.calendar.WorkingDayCalendar;

/** One test per period of the 2025 measures, counted on the real holiday calendar. */
class ProcedureRulesTests {

    final Deadlines deadlines = new Deadlines(WorkingDayCalendar.libraryOnly());
    final ProcedureRules rules = ProcedureRules.MEASURES_2025;

    LocalDate end(Period period, LocalDate from) {
        return rules.rule(period).from(from, deadlines).end();
    }

    @Test
    void aCaseFiledFromFebruary2025FollowsThe2025Measures() {
        assertThat(ProcedureRules.inForceOn(LocalDate.of(2025, 2, 1))).contains(ProcedureRules.MEASURES_2025);
        assertThat(ProcedureRules.inForceOn(LocalDate.of(2026, 11, 24))).contains(ProcedureRules.MEASURES_2025);
    }

    @Test
    void aCaseFiledBeforeIsNotCountedByGuessedRules() {
        assertThat(ProcedureRules.inForceOn(LocalDate.of(2025, 1, 31))).isEmpty();
    }

    @Test
    void acceptanceReviewIsFiveWorkingDaysFromReceipt() {
        // received on the make-up Sunday before National Day 2025: the holiday week does not count
        assertThat(end(Period.ACCEPTANCE_REVIEW, LocalDate.of(2025, 9, 28))).isEqualTo(LocalDate.of(2025, 10, 11));
        assertThat(rules.rule(Period.ACCEPTANCE_REVIEW).basis()).isEqualTo("adjudication.basis.art-20");
    }

    @Test
    void acceptanceReviewExtensionIsFiveMoreWorkingDays() {
        assertThat(end(Period.ACCEPTANCE_REVIEW_EXTENSION, LocalDate.of(2025, 10, 11))).isEqualTo(LocalDate.of(2025, 10, 17));
    }

    @Test
    void serviceOnTheRespondentIsFiveWorkingDaysFromDocketing() {
        assertThat(end(Period.SERVICE_ON_RESPONDENT, LocalDate.of(2025, 3, 3))).isEqualTo(LocalDate.of(2025, 3, 10));
    }

    @Test
    void answerIsFifteenDaysFromReceiptAndMovesOffAHoliday() {
        assertThat(end(Period.ANSWER, LocalDate.of(2025, 9, 16))).isEqualTo(LocalDate.of(2025, 10, 9));
        assertThat(rules.rule(Period.ANSWER).counting()).isEqualTo(Deadline.Kind.CALENDAR);
    }

    @Test
    void answerWithoutDomicileInChinaIsThirtyDays() {
        assertThat(end(Period.ANSWER_WITHOUT_DOMICILE_IN_CHINA, LocalDate.of(2025, 3, 3))).isEqualTo(LocalDate.of(2025, 4, 2));
    }

    @Test
    void answerForwardingIsFiveWorkingDays() {
        assertThat(end(Period.ANSWER_FORWARDING, LocalDate.of(2025, 3, 3))).isEqualTo(LocalDate.of(2025, 3, 10));
    }

    @Test
    void recusalApplicationIsThreeWorkingDays() {
        assertThat(end(Period.RECUSAL_APPLICATION, LocalDate.of(2025, 3, 7))).isEqualTo(LocalDate.of(2025, 3, 12));
        assertThat(rules.rule(Period.RECUSAL_APPLICATION).basis()).isEqualTo("adjudication.basis.art-5");
    }

    @Test
    void caseTimeLimitIsThreeMonthsFromDocketing() {
        assertThat(end(Period.CASE_TIME_LIMIT, LocalDate.of(2025, 3, 12))).isEqualTo(LocalDate.of(2025, 6, 12));
        assertThat(rules.rule(Period.CASE_TIME_LIMIT).basis()).isEqualTo("adjudication.basis.art-37");
    }

    @Test
    void extensionsAddOneMonthAndTwoMoreButNeverPastSixMonths() {
        assertThat(rules.rule(Period.EXTENSION_BY_OFFICE_HEAD).length()).isEqualTo(1);
        assertThat(rules.rule(Period.EXTENSION_BY_HIGHER_OFFICE).length()).isEqualTo(2);
        assertThat(rules.rule(Period.CASE_TIME_LIMIT).length() + rules.rule(Period.EXTENSION_BY_OFFICE_HEAD).length()
                + rules.rule(Period.EXTENSION_BY_HIGHER_OFFICE).length()).isEqualTo(rules.maximumMonths()).isEqualTo(6);
    }

    @Test
    void publicationIsTwentyWorkingDaysFromTheDecision() {
        assertThat(end(Period.PUBLICATION, LocalDate.of(2025, 3, 3))).isEqualTo(LocalDate.of(2025, 3, 31));
    }

    @Test
    void lawsuitIsFifteenDaysFromReceiptOfTheDecision() {
        assertThat(end(Period.LAWSUIT, LocalDate.of(2025, 4, 21))).isEqualTo(LocalDate.of(2025, 5, 6));
        assertThat(rules.rule(Period.LAWSUIT).basis()).isEqualTo("adjudication.basis.patent-law-art-65");
    }

    @Test
    void enforcementApplicationsAreThreeMonthsForTheOfficeAndSixForTheRightHolder() {
        assertThat(end(Period.ENFORCEMENT_APPLICATION_BY_OFFICE, LocalDate.of(2025, 3, 12))).isEqualTo(LocalDate.of(2025, 6, 12));
        assertThat(end(Period.ENFORCEMENT_APPLICATION_BY_RIGHT_HOLDER, LocalDate.of(2025, 3, 12)))
                .isEqualTo(LocalDate.of(2025, 9, 12));
    }

    @Test
    void drugPatentWindowIsFortyFiveDays() {
        assertThat(end(Period.DRUG_PATENT_WINDOW, LocalDate.of(2025, 1, 2))).isEqualTo(LocalDate.of(2025, 2, 17));
    }

    @Test
    void everyPeriodHasANameAndABasisInBothLanguages() {
        ResourceBundleMessageSource messages = TestBundles.of("i18n/adjudication");
        for (Locale locale : new Locale[] { Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH }) {
            assertThat(messages.getMessage(rules.name(), null, locale)).isNotBlank();
            for (Period period : Period.values()) {
                assertThat(messages.getMessage(period.messageCode(), null, locale)).isNotBlank();
                String basis = period.lengthSetLocally().orElseGet(() -> rules.rule(period).basis());
                assertThat(messages.getMessage(basis, null, locale)).isNotBlank();
            }
        }
    }
}
