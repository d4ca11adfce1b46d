package org.zhibao.installation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhibao.identity.Accounts;
import org.zhibao.identity.PasswordRule;
import org.zhibao.identity.Role;
import org.zhibao.identity.SecurityPolicies;
import org.zhibao.identity.SeedAccount;
import org.zhibao.office.CreateOffice;
import org.zhibao.office.OfficeFilter;
import org.zhibao.office.OfficeView;
import org.zhibao.office.Offices;
import org.zhibao.region.Jurisdiction;
import org.zhibao.region.RegionCode;

/**
 * The first start of a real deployment: on a database without any office, sets up the national office and
 * its system, security and audit administrators, each with a one-time password written once to the log
 * and no second factor yet (they enrol TOTP at their first login). Everything else, offices and accounts
 * included, is then done through the application by these three. Instances starting together take a
 * database lock, so it happens once.
 */
@Component
@ConditionalOnProperty(name = "zhibao.demo-data", havingValue = "false")
class FirstStartInstallation implements ApplicationRunner {

    /** The three administrators kept apart (三权分立): one role each, none of them also an official. */
    static final List<Administrator> ADMINISTRATORS = List.of(
            new Administrator("admin.system", Role.SYSTEM_ADMIN),
            new Administrator("admin.security", Role.SECURITY_ADMIN),
            new Administrator("admin.audit", Role.AUDIT_ADMIN));

    static final int PASSWORD_LENGTH = 20;

    private static final Logger log = LoggerFactory.getLogger(FirstStartInstallation.class);

    private final Offices offices;
    private final Accounts accounts;
    private final SecurityPolicies policies;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final OneTimePasswords passwords = new OneTimePasswords();

    FirstStartInstallation(Offices offices, Accounts accounts, SecurityPolicies policies, MessageSource messages,
            JdbcClient jdbc, TransactionTemplate transaction) {
        this.offices = offices;
        this.accounts = accounts;
        this.policies = policies;
        this.messages = messages;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<Credentials> installed = install();
        if (!installed.isEmpty()) {
            // only after the commit: a password printed for an installation that was rolled back would mislead
            log.warn(banner(installed));
        }
    }

    /** The administrators set up with their one-time passwords; empty when the database already had an office. */
    List<Credentials> install() {
        return transaction.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('zhibao-installation'))").query().singleValue();
            if (!offices.list(Jurisdiction.national(), OfficeFilter.none()).isEmpty()) {
                return List.of();
            }
            OfficeView national = offices.create(new CreateOffice(RegionCode.NATIONAL,
                    message("installation.office.name", Locale.SIMPLIFIED_CHINESE),
                    message("installation.office.name", Locale.ENGLISH)), Jurisdiction.national());
            PasswordRule rule = policies.current().passwordRule();
            List<Credentials> installed = new ArrayList<>();
            for (Administrator administrator : ADMINISTRATORS) {
                String password = passwordFor(administrator.username(), rule);
                accounts.seed(new SeedAccount(administrator.username(),
                        message("installation.account." + administrator.username(), Locale.SIMPLIFIED_CHINESE),
                        // a one-time password: its holder chooses their own at the first login
                        national.id(), password, null, EnumSet.of(administrator.role()), null, null, true),
                        new HashMap<>());
                installed.add(new Credentials(administrator.username(), administrator.role(), password));
            }
            return installed;
        });
    }

    private String passwordFor(String username, PasswordRule rule) {
        int length = Math.max(PASSWORD_LENGTH, rule.minLength());
        String password = passwords.next(length);
        // every class is there by construction; only the username could turn up by (astronomical) chance
        while (!rule.violations(password, username).isEmpty()) {
            password = passwords.next(length);
        }
        return password;
    }

    private String message(String code, Locale locale) {
        return messages.getMessage(code, null, locale);
    }

    static String banner(List<Credentials> installed) {
        String line = "=".repeat(78);
        return String.join(System.lineSeparator(), "", line,
                "zhibao is installed: the national office and its three administrators were set up.",
                "Their ONE-TIME passwords are shown here once and are stored only as hashes:",
                "",
                installed.stream().map(c -> String.format("    %-16s %-16s %s", c.username(), c.role(), c.password()))
                        .collect(Collectors.joining(System.lineSeparator())),
                "",
                "Each administrator logs in, sets up TOTP (an authenticator app) as asked at the first login, and",
                "changes the password at once on the profile page. Then delete these lines from the log.",
                line);
    }

    record Administrator(String username, Role role) {
    }

    record Credentials(String username, Role role, String password) {

        @Override
        public String toString() {
            // never the password: it goes to the log through banner() only
            return "Credentials[" + username + ", " + role + "]";
        }
    }
}
