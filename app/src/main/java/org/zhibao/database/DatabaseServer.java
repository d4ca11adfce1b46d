package org.zhibao.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server zhibao talks to: an external one named by URL, or an embedded one started here
 * whose cluster lives in {@code <data-dir>/postgres} and survives restarts.
 */
final class DatabaseServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DatabaseServer.class);
    static final String DATABASE_NAME = "zhibao";
    static final String APPLICATION_ROLE = "zhibao_app";

    private final EmbeddedPostgres embedded;
    private final String url;
    private final String applicationUrl;

    private DatabaseServer(EmbeddedPostgres embedded, String url, String applicationUrl) {
        this.embedded = embedded;
        this.url = url;
        this.applicationUrl = applicationUrl;
    }

    static DatabaseServer start(DatabaseProperties properties) {
        if (!properties.embedded()) {
            return new DatabaseServer(null, properties.databaseUrl(), properties.databaseAppUrl());
        }
        Path cluster = properties.dataDir().resolve("postgres").toAbsolutePath();
        try {
            Files.createDirectories(cluster);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(cluster)
                    .setCleanDataDirectory(false)
                    .setServerConfig("timezone", "UTC")
                    // Spring stops it after the beans that use it; a JVM hook of its own would race them
                    // and leave the last queries waiting for a dead server
                    .setRegisterShutdownHook(false)
                    .start();
            createDatabaseIfMissing(postgres.getPostgresDatabase());
            createApplicationLogin(postgres.getPostgresDatabase());
            String base = "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE_NAME;
            log.info("Embedded PostgreSQL started on port {} with its data in {}", postgres.getPort(), cluster);
            return new DatabaseServer(postgres, base + "?user=postgres", base + "?user=" + APPLICATION_ROLE);
        }
        catch (IOException | SQLException e) {
            throw new IllegalStateException("Cannot start the embedded PostgreSQL in " + cluster, e);
        }
    }

    private static void createDatabaseIfMissing(DataSource postgres) throws SQLException {
        try (Connection connection = postgres.getConnection();
                var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE_NAME);
            try (var rs = exists.executeQuery()) {
                if (!rs.next()) {
                    connection.createStatement().execute("create database " + DATABASE_NAME);
                }
            }
        }
    }

    /**
     * The application logs in as its own role, not as the owner: no statement it sends can step up to the
     * owner's rights (as RESET ROLE could after SET ROLE). The embedded server trusts local connections, so
     * the role needs no password here. The first migration finds it and grants it its rights.
     */
    private static void createApplicationLogin(DataSource postgres) throws SQLException {
        try (Connection connection = postgres.getConnection(); var statement = connection.createStatement()) {
            statement.execute("do $$ begin if not exists (select 1 from pg_roles where rolname = '"
                    + APPLICATION_ROLE + "') then create role " + APPLICATION_ROLE + " login noinherit; end if; end $$");
            // a cluster made before the application had its own login has the role without one
            statement.execute("alter role " + APPLICATION_ROLE + " login");
        }
    }

    /** JDBC URL with the owner's credentials, for the migrations. */
    String url() {
        return url;
    }

    /**
     * JDBC URL the application logs in with as {@value #APPLICATION_ROLE}, or {@code null} when only the
     * owner's URL is known (an external database given by one setting): the application then switches to
     * the role on each connection.
     */
    String applicationUrl() {
        return applicationUrl;
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
