package org.zhibao;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives each test application context its own data directory, hence its own embedded PostgreSQL. Patent batches
 * are screened alone unless a test class sets {@code zhibao.screening.against-earlier-batches} itself: the
 * classes sharing a context import the same generated filings again and again, which screened against each other
 * would be filings screened before (EarlierBatchesTests tests that).
 */
public class FreshDataDirectory implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        try {
            Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "test-data-");
            var environment = context.getEnvironment();
            Map<String, Object> properties = new java.util.HashMap<>(Map.of("zhibao.data-dir", dir.toString()));
            if (!environment.containsProperty("zhibao.screening.against-earlier-batches")) {
                properties.put("zhibao.screening.against-earlier-batches", "false");
            }
            environment.getPropertySources().addFirst(new MapPropertySource("freshDataDirectory", properties));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
