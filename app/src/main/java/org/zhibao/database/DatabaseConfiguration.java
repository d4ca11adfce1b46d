package org.zhibao.database;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Two pools on one database: the application's, whose connections act as the restricted role
 * {@code zhibao_app} (it cannot rewrite the audit log, and row-level security limits what it sees to the
 * current {@link RowScope}), and a small one for Flyway acting as the owner.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class DatabaseConfiguration {

    static final String APPLICATION_ROLE = DatabaseServer.APPLICATION_ROLE;

    @Bean(destroyMethod = "close")
    DatabaseServer databaseServer(DatabaseProperties properties) {
        return DatabaseServer.start(properties);
    }

    /** What the application uses: the pool, with each connection's row scope set as it is handed out. */
    @Bean
    @Primary
    DataSource dataSource(HikariDataSource applicationPool, RowScope.Source scopes) {
        return new ScopedDataSource(applicationPool, scopes);
    }

    @Bean(destroyMethod = "close")
    HikariDataSource applicationPool(DatabaseServer server, @Value("${zhibao.database.pool-size:10}") int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("zhibao");
        if (server.applicationUrl() != null) {
            config.setJdbcUrl(server.applicationUrl());
        }
        else {
            config.setJdbcUrl(server.url());
            config.setConnectionInitSql("set role " + APPLICATION_ROLE);
        }
        config.setMaximumPoolSize(poolSize);
        // the role is created by the first migration: do not connect before Flyway has run, and open
        // connections as they are asked for rather than filling the pool at start
        config.setInitializationFailTimeout(-1);
        config.setMinimumIdle(0);
        return new HikariDataSource(config);
    }

    @Bean(destroyMethod = "close")
    @FlywayDataSource
    HikariDataSource migrationDataSource(DatabaseServer server) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("zhibao-migration");
        config.setJdbcUrl(server.url());
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(0);
        return new HikariDataSource(config);
    }

    /**
     * Refuses to run when the application's login could bypass the walls meant for it: a superuser or a
     * role exempt from row-level security (say, a mistaken zhibao.database-app-url).
     */
    @Bean
    org.springframework.boot.ApplicationRunner applicationRoleCheck(DataSource dataSource) {
        return args -> {
            var jdbc = new JdbcTemplate(dataSource);
            Boolean unsafe = jdbc.queryForObject(
                    "select rolsuper or rolbypassrls from pg_roles where rolname = current_user", Boolean.class);
            if (Boolean.TRUE.equals(unsafe)) {
                throw new IllegalStateException("The application's database login (" + jdbc.queryForObject(
                        "select current_user", String.class) + ") is a superuser or bypasses row-level security: "
                        + "give it an ordinary role such as " + APPLICATION_ROLE + ".");
            }
        };
    }

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }
}
