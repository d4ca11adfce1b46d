package org.zhibao;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * zhibao (知保): the digital platform for China's IP administrative protection.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ZhibaoApplication {

    /** The procedure's days are China's: a deadline ends at midnight Beijing time, wherever the server runs. */
    @org.springframework.context.annotation.Bean
    java.time.Clock clock() {
        return java.time.Clock.system(java.time.ZoneId.of("Asia/Shanghai"));
    }

    public static void main(String[] args) {
        SpringApplication.run(ZhibaoApplication.class, args);
    }
}
