package org.zhibao.patent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PatentApplicationNumberTests {

    @Test
    void reproducesTheCheckDigitOfTheStandardsExample() {
        // ZC 0006-2003's own example: 200310102344.5
        assertThat(PatentApplicationNumber.checkDigitOf("200310102344")).isEqualTo('5');
        assertThat(PatentApplicationNumber.parse("200310102344.5")).get().hasToString("200310102344.5");
    }

    @Test
    void writesTenAsX() {
        // some 2019 invention serial has the weighted sum 10 modulo 11: its check digit is written X
        String digits = "201910000000";
        for (int serial = 0; serial < 1000; serial++) {
            String candidate = digits.substring(0, 9) + String.format("%03d", serial);
            if (PatentApplicationNumber.checkDigitOf(candidate) == 'X') {
                assertThat(PatentApplicationNumber.parse(candidate + ".X")).isPresent();
                assertThat(PatentApplicationNumber.parse(candidate + ".0")).isEmpty();
                return;
            }
        }
        throw new AssertionError("some serial gives check digit X");
    }

    @ParameterizedTest(name = "{0} is read as {1}")
    @CsvSource({
            "ZL 200310102344.5, 200310102344.5",
            "CN200310102344.5, 200310102344.5",
            "2003 1010 2344.5, 200310102344.5",
            "2003101023445, 200310102344.5" })
    void readsTheWaysPeopleWriteIt(String written, String expected) {
        assertThat(PatentApplicationNumber.parse(written)).get().hasToString(expected);
    }

    @ParameterizedTest
    @CsvSource({ "200310102344.4", "20031010234.5", "2003101023445X", "abc", "''" })
    void refusesWhatIsNotANumberOrHasTheWrongCheckDigit(String written) {
        assertThat(PatentApplicationNumber.parse(written)).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({ "2023101234560, INVENTION", "2023201234560, UTILITY_MODEL", "2023301234560, DESIGN",
            "2023801234560, INVENTION", "2023901234560, UTILITY_MODEL" })
    void tellsTheKindFromTheFifthDigit(String twelveDigitsAndAnything, PatentKind kind) {
        String digits = twelveDigitsAndAnything.substring(0, 12);
        PatentApplicationNumber number = new PatentApplicationNumber(digits, PatentApplicationNumber.checkDigitOf(digits));
        assertThat(number.kind()).isEqualTo(kind);
        assertThat(number.year()).isEqualTo(2023);
    }

    @Test
    void readsTheOldEightDigitForm() {
        String digits = "98123456";
        PatentApplicationNumber number = PatentApplicationNumber.parse(digits + "." + PatentApplicationNumber.checkDigitOf(digits))
                .orElseThrow();
        assertThat(number.kind()).isEqualTo(PatentKind.INVENTION);
        assertThat(number.year()).isEqualTo(1998);
    }

    @Test
    void refusesToBeMadeWithAWrongCheckDigit() {
        assertThatThrownBy(() -> new PatentApplicationNumber("200310102344", '4'))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
