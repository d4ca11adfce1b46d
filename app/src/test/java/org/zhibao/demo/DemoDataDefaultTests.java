package org.zhibao.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

class DemoDataDefaultTests {

    @Test
    void demoDataIsOnByDefaultWithTheEmbeddedDatabase() {
        assertThat(effective(new MockEnvironment().withProperty("zhibao.database-url", ""))).isEqualTo("true");
        assertThat(effective(new MockEnvironment())).isEqualTo("true");
    }

    @Test
    void demoDataIsOffByDefaultWithAnExternalDatabase() {
        assertThat(effective(new MockEnvironment()
                .withProperty("zhibao.database-url", "jdbc:postgresql://db:5432/zhibao?user=owner"))).isEqualTo("false");
    }

    @Test
    void theExternalDatabaseCountsWhenGivenAsAnEnvironmentVariable() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("env",
                Map.of("ZHIBAO_DATABASE_URL", "jdbc:postgresql://db:5432/zhibao?user=owner")));
        assertThat(effective(environment)).isEqualTo("false");
    }

    @Test
    void anExplicitSettingAlwaysWins() {
        assertThat(effective(new MockEnvironment().withProperty("zhibao.database-url", "jdbc:postgresql://db/zhibao")
                .withProperty("zhibao.demo-data", "true"))).isEqualTo("true");
        assertThat(effective(new MockEnvironment().withProperty("zhibao.database-url", "")
                .withProperty("zhibao.demo-data", "false"))).isEqualTo("false");
    }

    static String effective(org.springframework.core.env.ConfigurableEnvironment environment) {
        new DemoDataDefault().postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty("zhibao.demo-data");
    }
}
