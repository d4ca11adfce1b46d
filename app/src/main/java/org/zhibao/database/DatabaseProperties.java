package org.zhibao.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * Where the data lives.
 *
 * @param dataDir directory for the embedded database and, by default, uploaded files
 * @param databaseUrl JDBC URL of an external PostgreSQL with the owner's user and password; blank means embedded
 */
@ConfigurationProperties("zhibao")
public record DatabaseProperties(Path dataDir, String databaseUrl) {

    public DatabaseProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
    }

    boolean embedded() {
        return !StringUtils.hasText(databaseUrl);
    }
}
