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

    private final EmbeddedPostgres embedded;
    private final String url;

    private DatabaseServer(EmbeddedPostgres embedded, String url) {
        this.embedded = embedded;
        this.url = url;
    }

    static DatabaseServer start(DatabaseProperties properties) {
        if (!properties.embedded()) {
            return new DatabaseServer(null, properties.databaseUrl());
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
            String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE_NAME + "?user=postgres";
            log.info("Embedded PostgreSQL started on port {} with its data in {}", postgres.getPort(), cluster);
            return new DatabaseServer(postgres, url);
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

    /** JDBC URL with the owner's credentials: migrations use it as is, the application restricts itself. */
    String url() {
        return url;
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
