package org.zhibao.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordRuleTests {

    final PasswordRule rule = new PasswordRule(10);

    @Test
    void acceptsALongPasswordWithThreeCharacterClasses() {
        assertThat(rule.violations("harbour-Light42", "zj.officer")).isEmpty();
    }

    @Test
    void refusesAShortPassword() {
        assertThat(rule.violations("Ab1!", "u")).contains("identity.password.too-short");
    }

    @Test
    void refusesAPasswordOfOnlyLettersAndDigits() {
        assertThat(rule.violations("abcdefgh1234", "u")).containsExactly("identity.password.too-simple");
    }

    @Test
    void refusesAPasswordContainingTheUsername() {
        assertThat(rule.violations("Zhangsan#2026", "zhangsan")).containsExactly("identity.password.contains-username");
    }

    @Test
    void refusesAMissingPassword() {
        assertThat(rule.violations(null, "u")).containsExactly("identity.password.too-short");
    }
}
