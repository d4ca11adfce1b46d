package org.zhibao.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * Where the data lives.
 *
 * @param dataDir directory for the embedded database and, by default, uploaded files
 * @param databaseUrl JDBC URL of an external PostgreSQL with the owner's user and password; blank means embedded
 * @param databaseAppUrl optional JDBC URL of the application's own login as {@code zhibao_app} on that external
 *        database (recommended); without it the application logs in as the owner and switches role
 */
@ConfigurationProperties("zhibao")
public record DatabaseProperties(Path dataDir, String databaseUrl, String databaseAppUrl) {

    public DatabaseProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        databaseAppUrl = StringUtils.hasText(databaseAppUrl) ? databaseAppUrl : null;
    }

    boolean embedded() {
        return !StringUtils.hasText(databaseUrl);
    }
}
