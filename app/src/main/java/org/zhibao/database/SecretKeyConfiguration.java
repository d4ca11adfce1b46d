package org.zhibao.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.StringUtils;

/**
 * The installation's secret key: {@code zhibao.secret-key} (base64 of 32 random bytes; every instance of
 * one installation must have the same), or else a key file made on the first start in the data directory.
 * The database remembers which key its secrets were sealed with; an instance with another refuses to start.
 */
@Configuration(proxyBeanMethods = false)
class SecretKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecretKeyConfiguration.class);
    static final String KEY_FILE = "secret.key";

    @Bean
    SecretBox secretBox(@Value("${zhibao.secret-key:}") String configured, @Value("${zhibao.data-dir}") Path dataDir,
            JdbcClient jdbc) {
        SecretBox box = new SecretBox(StringUtils.hasText(configured)
                ? Base64.getDecoder().decode(configured.strip())
                : keyFile(dataDir.resolve(KEY_FILE)));
        String check = box.checkValue();
        jdbc.sql("insert into secret_key_check (id, check_value) values (1, :c) on conflict (id) do nothing")
                .param("c", check).update();
        String recorded = jdbc.sql("select check_value from secret_key_check where id = 1").query(String.class).single();
        if (!SecretBox.sameCheckValue(recorded, check)) {
            throw new IllegalStateException("The secret key (zhibao.secret-key, or " + KEY_FILE + " in the data "
                    + "directory) is not the one this database was set up with: give every instance of the "
                    + "installation the same key.");
        }
        return box;
    }

    private static byte[] keyFile(Path file) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            Files.createDirectories(file.getParent());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Path temporary = Files.createTempFile(file.getParent(), KEY_FILE, ".part",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, Base64.getEncoder().encodeToString(key));
            Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            log.warn("Made a new secret key in {}: keep it with the database's backups (without it nobody's "
                    + "second factor can be read), and give every instance the same (zhibao.secret-key).", file);
            return key;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read or make the secret key " + file, e);
        }
    }
}
