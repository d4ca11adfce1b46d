package org.zhibao.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The complexity a password must have: a minimum length set by the security policy, at least three of
 * the four character classes (lower case, upper case, digits, symbols), and not containing the username.
 */
public record PasswordRule(int minLength) {

    /** Message codes (in the identity bundle) of every rule the password breaks; empty when it passes. */
    public List<String> violations(String password, String username) {
        List<String> violations = new ArrayList<>();
        if (password == null || password.length() < minLength) {
            violations.add("identity.password.too-short");
            if (password == null) {
                return violations;
            }
        }
        int classes = 0;
        classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
        classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
        if (classes < 3) {
            violations.add("identity.password.too-simple");
        }
        if (username != null && !username.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            violations.add("identity.password.contains-username");
        }
        return violations;
    }
}
