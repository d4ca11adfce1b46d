package org.zhibao.installation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import org.zhibao.IntegrationTest;
import org.zhibao.identity.AccountView;
import org.zhibao.identity.Accounts;
import org.zhibao.identity.Role;
import org.zhibao.office.OfficeView;
import org.zhibao.office.Offices;
import org.zhibao.region.Jurisdiction;
import org.zhibao.region.RegionCode;

/**
 * The first start of a real installation, on an empty database without demo data. The context (and its
 * database) is shared with the office tests, which add offices but never administrators.
 */
@IntegrationTest
@TestPropertySource(properties = "zhibao.demo-data=false")
class InstallationIntegrationTests {

    /** The demo data's published password (README): it must never open an installed administrator. */
    static final String DEMO_PASSWORD = "Demo#2026zhibao";

    @Autowired
    Offices offices;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    FirstStartInstallation installation;

    @Test
    void setsUpTheNationalOfficeWithItsChineseAndEnglishName() {
        assertThat(offices.findByRegion(RegionCode.NATIONAL)).get()
                .satisfies(office -> assertThat(office.name()).isEqualTo("国家知识产权局"))
                .satisfies(office -> assertThat(office.nameEn())
                        .isEqualTo("China National Intellectual Property Administration"));
    }

    @Test
    void setsUpTheThreeAdministratorsEachWithExactlyItsOwnRole() {
        Map<String, AccountView> admins = administrators();
        long nationalOffice = offices.findByRegion(RegionCode.NATIONAL).map(OfficeView::id).orElseThrow();

        assertThat(admins.get("admin.system").roles()).isEqualTo(Set.of(Role.SYSTEM_ADMIN));
        assertThat(admins.get("admin.security").roles()).isEqualTo(Set.of(Role.SECURITY_ADMIN));
        assertThat(admins.get("admin.audit").roles()).isEqualTo(Set.of(Role.AUDIT_ADMIN));
        assertThat(admins.values()).allSatisfy(admin -> {
            assertThat(admin.officeId()).isEqualTo(nationalOffice);
            assertThat(admin.officeRegion()).isEqualTo("000000");
            assertThat(admin.enabled()).isTrue();
            assertThat(admin.displayName()).startsWith("国家知识产权局");
        });
    }

    @Test
    void theAdministratorsEnrolTheirSecondFactorAtFirstLogin() {
        assertThat(administrators().values()).noneMatch(AccountView::totpEnabled);
        assertThat(jdbc.sql("select count(*) from account where username like 'admin.%' and totp_secret is null")
                .query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void theAdministratorsReplaceTheirOneTimePasswordsAtFirstLogin() {
        assertThat(jdbc.sql("select count(*) from account where username like 'admin.%' and password_must_change")
                .query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void theAdministratorsPasswordsAreNeitherTheDemoPasswordNorTheSame() {
        Map<String, String> hashes = jdbc.sql("select username, password_hash from account where username like 'admin.%'")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

        assertThat(hashes).containsOnlyKeys("admin.system", "admin.security", "admin.audit");
        assertThat(hashes.values()).allSatisfy(hash -> {
            assertThat(hash).contains("$argon2id$");
            assertThat(passwordEncoder.matches(DEMO_PASSWORD, hash)).isFalse();
        });
        // a fresh salt each, but also a password each: one hash per distinct password
        assertThat(Set.copyOf(hashes.values())).hasSize(3);
    }

    @Test
    void aSecondStartInstallsNothingMore() {
        long accountsBefore = jdbc.sql("select count(*) from account").query(Long.class).single();

        assertThat(installation.install()).isEmpty();

        assertThat(jdbc.sql("select count(*) from account").query(Long.class).single()).isEqualTo(accountsBefore);
    }

    Map<String, AccountView> administrators() {
        Map<String, AccountView> admins = accounts.list(Jurisdiction.national(), "admin.").stream()
                .filter(a -> a.username().startsWith("admin."))
                .collect(Collectors.toMap(AccountView::username, Function.identity()));
        assertThat(admins).containsOnlyKeys("admin.system", "admin.security", "admin.audit");
        return admins;
    }
}
