package org.zhibao.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.zhibao.IntegrationTest;
import org.zhibao.TestUsers;
import org.zhibao.identity.Role;
import org.zhibao.identity.ZhibaoUser;
import org.zhibao.region.Jurisdiction;
import org.zhibao.region.RegionCode;

/**
 * The database itself keeps accounts within the acting official's jurisdiction when a query forgets to:
 * plain {@code select * from account} is the query under test. It guards against mistakes in the
 * application's queries, not against injected SQL (which could set the scope itself).
 */
@IntegrationTest
class RowLevelSecurityIntegrationTests {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    @Qualifier("applicationPool")
    HikariDataSource pool;

    @AfterEach
    void clearSecurityContext() {
        SecurityContextHolder.clearContext();
    }

    void actAs(ZhibaoUser user) {
        SecurityContextHolder.getContext().setAuthentication(TestUsers.authentication(user));
    }

    List<String> visibleUsernames() {
        return jdbc.sql("select username from account order by username").query(String.class).list();
    }

    long idOf(String username) {
        SecurityContextHolder.clearContext();
        return jdbc.sql("select id from account where username = :u").param("u", username).query(Long.class).single();
    }

    @Test
    void anOfficialOfAProvinceSeesOnlyAccountsOfOfficesInThatProvince() {
        actAs(new ZhibaoUser(idOf("zj.sysadmin"), "zj.sysadmin", "x", 1L, "x",
                new Jurisdiction(RegionCode.of("330000")), Set.of(Role.SYSTEM_ADMIN)));
        List<String> visible = visibleUsernames();
        assertThat(visible).contains("zj.officer", "hz.officer", "xihu.officer", "nb.officer")
                .doesNotContain("js.officer", "nj.officer", "gd.officer", "national.director", "holder@example.com");
    }

    @Test
    void aCountyOfficialSeesNothingAboveOrBesideIt() {
        actAs(new ZhibaoUser(idOf("xihu.officer"), "xihu.officer", "x", 1L, "x",
                new Jurisdiction(RegionCode.of("330106")), Set.of(Role.OFFICER)));
        assertThat(visibleUsernames()).contains("xihu.officer")
                .doesNotContain("hz.officer", "zj.officer", "nb.officer", "js.officer", "national.director");
        assertThat(jdbc.sql("select count(*) from account where office_region not like '330106%' or office_region is null")
                .query(Long.class).single()).as("accounts outside 330106 (own account aside)").isZero();
    }

    @Test
    void theNationalOfficeSeesEveryAccount() {
        actAs(new ZhibaoUser(idOf("national.sysadmin"), "national.sysadmin", "x", 1L, "x", Jurisdiction.national(),
                Set.of(Role.SYSTEM_ADMIN)));
        assertThat(visibleUsernames()).contains("js.officer", "zj.officer", "holder@example.com", "platform.demo");
    }

    @Test
    void aPublicUserSeesOnlyItsOwnAccount() {
        actAs(new ZhibaoUser(idOf("holder@example.com"), "holder@example.com", "x", null, null, null,
                Set.of(Role.PUBLIC_USER)));
        assertThat(visibleUsernames()).containsExactly("holder@example.com");
    }

    @Test
    void aScopedOfficialCannotChangeAnAccountOutsideItEvenWithHandWrittenSql() {
        long jiangsu = idOf("js.officer");
        actAs(new ZhibaoUser(idOf("zj.sysadmin"), "zj.sysadmin", "x", 1L, "x",
                new Jurisdiction(RegionCode.of("330000")), Set.of(Role.SYSTEM_ADMIN)));
        int changed = jdbc.sql("update account set enabled = false where id = :id").param("id", jiangsu).update();
        assertThat(changed).isZero();
    }

    @Test
    void aConnectionWithoutScopeSeesNoAccountAtAll() throws Exception {
        // a new connection as the application role that never went through the scoping data source
        try (var connection = java.sql.DriverManager.getConnection(pool.getJdbcUrl());
                var statement = connection.createStatement()) {
            statement.execute("set role zhibao_app");
            assertThat(countAccounts(statement)).isZero();
            // an empty or reset setting (what a finished SET LOCAL leaves behind) is no scope either
            statement.execute("select set_config('zhibao.scope', '', false)");
            assertThat(countAccounts(statement)).isZero();
            statement.execute("reset zhibao.scope");
            assertThat(countAccounts(statement)).isZero();
            statement.execute("select set_config('zhibao.scope', 'national', false)");
            assertThat(countAccounts(statement)).isPositive();
        }
    }

    static long countAccounts(java.sql.Statement statement) throws java.sql.SQLException {
        try (var rows = statement.executeQuery("select count(*) from account")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
