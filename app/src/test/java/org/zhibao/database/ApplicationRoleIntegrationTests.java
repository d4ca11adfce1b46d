package org.zhibao.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhibao.IntegrationTest;

/** What the application's own database login may and may not do, whatever SQL it is made to send. */
@IntegrationTest
class ApplicationRoleIntegrationTests {

    @Autowired
    DataSource dataSource;

    @Test
    void theApplicationLogsInAsItsOwnRoleAndCannotStepUpToTheOwner() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("reset role");
        assertThat(jdbc.queryForObject("select session_user", String.class)).isEqualTo("zhibao_app");
        assertThat(jdbc.queryForObject("select rolsuper from pg_roles where rolname = current_user", Boolean.class))
                .isFalse();
        assertThatThrownBy(() -> jdbc.execute("set role postgres")).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.execute("alter table audit_entry disable trigger all"))
                .rootCause().hasMessageContaining("must be owner");
    }
}
