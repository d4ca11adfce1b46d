package org.zhibao.installation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhibao.IntegrationTest;
import org.zhibao.identity.Accounts;
import org.zhibao.identity.SecurityPolicies;
import org.zhibao.office.Offices;

/** With the demo data (the default on the embedded database) there is nothing to install. */
@IntegrationTest
class InstallationWithDemoDataIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void doesNotRunAlongsideTheDemoData() {
        assertThat(context.getBeanNamesForType(FirstStartInstallation.class)).isEmpty();
        assertThat(jdbc.sql("select count(*) from account where username like 'admin.%'").query(Long.class).single())
                .isZero();
    }

    @Test
    void installsNothingWhereOfficesAlreadyExist() {
        long offices = count("office");
        long accounts = count("account");
        FirstStartInstallation installation = new FirstStartInstallation(context.getBean(Offices.class),
                context.getBean(Accounts.class), context.getBean(SecurityPolicies.class),
                context.getBean(MessageSource.class), jdbc, context.getBean(TransactionTemplate.class));

        assertThat(installation.install()).isEmpty();

        assertThat(count("office")).isEqualTo(offices);
        assertThat(count("account")).isEqualTo(accounts);
    }

    long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
