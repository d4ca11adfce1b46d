package org.zhibao.demo;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Decides {@code zhibao.demo-data} when nobody set it: on with the embedded database (a developer's or an
 * evaluator's machine), off with an external one (a real installation), where the demo's published password
 * and TOTP secret would open national administrator accounts. An explicit setting always wins.
 * <p>
 * It sets a property rather than guarding one bean because two modules follow it: the demo loader here and
 * the first-start installation, which must not see this module.
 */
class DemoDataDefault implements EnvironmentPostProcessor, Ordered {

    static final String DEMO_DATA = "zhibao.demo-data";
    static final String DATABASE_URL = "zhibao.database-url";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // last: every other source (command line, environment variables, application.yml, test properties) wins
        environment.getPropertySources().addLast(new MapPropertySource("zhibaoDemoDataDefault",
                Map.of(DEMO_DATA, String.valueOf(demoDataByDefault(environment.getProperty(DATABASE_URL))))));
    }

    static boolean demoDataByDefault(String databaseUrl) {
        return !StringUtils.hasText(databaseUrl);
    }

    /** After application.yml and the other configuration files have been read, so that it sees the database URL. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
