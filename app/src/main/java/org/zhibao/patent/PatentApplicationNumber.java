package org.zhibao.patent;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Chinese patent application number (专利申请号) as the national office assigns it (standard ZC 0006-2003):
 * since 2003 twelve digits — year, kind, serial — and a check digit, written {@code 200310102344.5}; before,
 * eight digits and a check digit ({@code 98123456.X}). The check digit is the weighted sum of the digits
 * (weights 2, 3, … 9, 2, 3, …) modulo 11, with 10 written X. The {@code ZL}/{@code CN} prefix and spaces people
 * write are accepted and dropped.
 */
public record PatentApplicationNumber(String digits, char checkDigit) {

    private static final Pattern WRITTEN = Pattern.compile("(?:ZL|CN)?(\\d{12}|\\d{8})\\.?([0-9X])");

    public PatentApplicationNumber {
        if (digits == null || !(digits.matches("\\d{12}") || digits.matches("\\d{8}"))) {
            throw new IllegalArgumentException("An application number has 12 (or, before 2003, 8) digits: " + digits);
        }
        if (checkDigit != checkDigitOf(digits)) {
            throw new IllegalArgumentException("Wrong check digit " + checkDigit + " for " + digits);
        }
    }

    /** Reads a number as written, or says why it is not one. */
    public static Optional<PatentApplicationNumber> parse(String written) {
        if (written == null) {
            return Optional.empty();
        }
        Matcher m = WRITTEN.matcher(written.replaceAll("[\\s\\u3000]", "").toUpperCase(Locale.ROOT));
        if (!m.matches() || m.group(2).charAt(0) != checkDigitOf(m.group(1))) {
            return Optional.empty();
        }
        return Optional.of(new PatentApplicationNumber(m.group(1), m.group(2).charAt(0)));
    }

    /** The check digit of 12 or 8 digits: weights 2 to 9 then 2 to 5, sum modulo 11, 10 as X. */
    public static char checkDigitOf(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum += (digits.charAt(i) - '0') * (2 + i % 8);
        }
        int check = sum % 11;
        return check == 10 ? 'X' : (char) ('0' + check);
    }

    /** The kind the number names (PCT applications entering China count as their kind). */
    public PatentKind kind() {
        char code = digits.length() == 12 ? digits.charAt(4) : digits.charAt(2);
        return switch (code) {
            case '1', '8' -> PatentKind.INVENTION;
            case '2', '9' -> PatentKind.UTILITY_MODEL;
            case '3' -> PatentKind.DESIGN;
            default -> throw new IllegalStateException("No patent kind " + code + " in " + this);
        };
    }

    /** The filing year (four digits since 2003; 19xx before). */
    public int year() {
        return digits.length() == 12 ? Integer.parseInt(digits.substring(0, 4)) : 1900 + Integer.parseInt(digits.substring(0, 2));
    }

    @Override
    public String toString() {
        return digits + "." + checkDigit;
    }
}
