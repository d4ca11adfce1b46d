package org.zhibao.installation;

import java.security.SecureRandom;
import java.util.Random;

/**
 * Random passwords for the first administrators, read once from the log and typed in by hand. Each holds
 * every character class, so identity's password rule (three of the four classes) always passes; characters
 * that look alike (0 O, 1 l I) and those a shell or a log viewer would mangle (quotes, backslash, $, spaces)
 * are left out.
 */
final class OneTimePasswords {

    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "#%+-=@_";
    private static final String ALL = UPPER + LOWER + DIGITS + SYMBOLS;

    private final Random random;

    OneTimePasswords(SecureRandom random) {
        this.random = random;
    }

    OneTimePasswords() {
        this(new SecureRandom());
    }

    /** @param length at least 4, one character of each class */
    String next(int length) {
        if (length < 4) {
            throw new IllegalArgumentException("A one-time password has at least 4 characters, not " + length);
        }
        char[] password = new char[length];
        password[0] = pick(UPPER);
        password[1] = pick(LOWER);
        password[2] = pick(DIGITS);
        password[3] = pick(SYMBOLS);
        for (int i = 4; i < length; i++) {
            password[i] = pick(ALL);
        }
        // Fisher-Yates, so that the guaranteed classes are not always in front
        for (int i = length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            char swap = password[i];
            password[i] = password[j];
            password[j] = swap;
        }
        return new String(password);
    }

    private char pick(String characters) {
        return characters.charAt(random.nextInt(characters.length()));
    }
}
