package org.zhibao.party;

import java.util.Locale;
import java.util.Optional;

import org.zhibao.region.RegionCode;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from the 31 the standard allows
 * (digits and capitals without I, O, S, V, Z) — registering authority, kind of organisation, the
 * registering region's GB/T 2260 code, the organisation code, and a check character: 31 minus the weighted
 * sum of the first 17 modulo 31 (31 read as 0), the weights being 3^i modulo 31.
 */
public record CreditCode(String value) {

    static final String CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

    public CreditCode {
        if (value == null || value.length() != 18 || value.chars().anyMatch(c -> CHARACTERS.indexOf(c) < 0)) {
            throw new IllegalArgumentException("A credit code has 18 characters of " + CHARACTERS + ": " + value);
        }
        if (value.charAt(17) != checkCharacterOf(value.substring(0, 17))) {
            throw new IllegalArgumentException("Wrong check character in " + value);
        }
    }

    /** Reads a code as people write it (spaces, lower case), if it is one. */
    public static Optional<CreditCode> parse(String written) {
        if (written == null) {
            return Optional.empty();
        }
        String code = written.replaceAll("[\\s\\u3000]", "").toUpperCase(Locale.ROOT);
        if (code.length() != 18 || code.chars().anyMatch(c -> CHARACTERS.indexOf(c) < 0)
                || code.charAt(17) != checkCharacterOf(code.substring(0, 17))) {
            return Optional.empty();
        }
        return Optional.of(new CreditCode(code));
    }

    /** The check character of the first 17 characters. */
    public static char checkCharacterOf(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARACTERS.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return CHARACTERS.charAt(check == 31 ? 0 : check);
    }

    /** The region the organisation was registered in (characters 3 to 8). */
    public Optional<RegionCode> registeredIn() {
        String region = value.substring(2, 8);
        return region.chars().allMatch(Character::isDigit) ? Optional.of(RegionCode.of(region)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
