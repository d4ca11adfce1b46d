package org.zhibao.installation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.zhibao.identity.PasswordRule;
import org.zhibao.identity.Role;
import org.zhibao.installation.FirstStartInstallation.Credentials;

class InstallationPasswordsTests {

    final OneTimePasswords passwords = new OneTimePasswords();

    @Test
    void everyPasswordPassesThePasswordRuleOfAnyMinimumLengthUpToItsOwn() {
        for (int i = 0; i < 1_000; i++) {
            String password = passwords.next(FirstStartInstallation.PASSWORD_LENGTH);
            assertThat(password).hasSize(20);
            IntStream.rangeClosed(10, 20).forEach(min -> assertThat(new PasswordRule(min)
                    .violations(password, "admin.system")).as(password + " at length " + min).isEmpty());
        }
    }

    @Test
    void everyPasswordHoldsAllFourCharacterClassesEvenAtTheShortestLength() {
        for (int i = 0; i < 1_000; i++) {
            String password = passwords.next(4);
            assertThat(password).containsPattern("[A-Z]").containsPattern("[a-z]").containsPattern("[0-9]")
                    .containsPattern("[^A-Za-z0-9]");
        }
    }

    @Test
    void leavesOutCharactersThatLookAlikeOrThatAShellWouldMangle() {
        for (int i = 0; i < 1_000; i++) {
            assertThat(passwords.next(20)).doesNotContainPattern("[0O1lI'\"`\\\\$\\s]");
        }
    }

    @Test
    void isDifferentEachTime() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(passwords.next(20))).isTrue();
        }
    }

    @Test
    void refusesALengthTooShortForTheFourClasses() {
        assertThatThrownBy(() -> passwords.next(3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBannerNamesEachAdministratorWithItsPasswordAndSaysToChangeIt() {
        String banner = FirstStartInstallation.banner(List.of(
                new Credentials("admin.system", Role.SYSTEM_ADMIN, "Pw-system-1234567890"),
                new Credentials("admin.security", Role.SECURITY_ADMIN, "Pw-security-12345678"),
                new Credentials("admin.audit", Role.AUDIT_ADMIN, "Pw-audit-12345678901")));

        assertThat(banner).containsPattern("admin\\.system\\s+SYSTEM_ADMIN\\s+Pw-system-1234567890")
                .containsPattern("admin\\.security\\s+SECURITY_ADMIN\\s+Pw-security-12345678")
                .containsPattern("admin\\.audit\\s+AUDIT_ADMIN\\s+Pw-audit-12345678901")
                .contains("ONE-TIME", "TOTP", "changes the password");
    }

    @Test
    void credentialsNeverPrintTheirPasswordByAccident() {
        assertThat(new Credentials("admin.audit", Role.AUDIT_ADMIN, "Pw-audit-12345678901").toString())
                .doesNotContain("Pw-audit");
    }
}
