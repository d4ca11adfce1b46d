package org.zhibao;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Gives each test application context its own data directory, hence its own embedded PostgreSQL. */
public class FreshDataDirectory implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        try {
            Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "test-data-");
            context.getEnvironment().getPropertySources().addFirst(
                    new MapPropertySource("freshDataDirectory", Map.of("zhibao.data-dir", dir.toString())));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
