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

    public static void main(String[] args) {
        SpringApplication.run(ZhibaoApplication.class, args);
    }
}
