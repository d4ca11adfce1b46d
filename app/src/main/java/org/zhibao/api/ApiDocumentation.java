package org.zhibao.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/**
 * The OpenAPI description of the JSON API, served by springdoc at {@code /v3/api-docs} to anyone: it is
 * documentation. Only {@code /api/**} is described (springdoc settings in {@code api/springdoc.properties},
 * which application.yml may override); pages and forms are not an interface for programs.
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:api/springdoc.properties")
class ApiDocumentation {

    static final String BEARER = "bearer-token";

    @Bean
    OpenAPI zhibaoOpenApi(@Value("${zhibao.api.version:v1}") String version) {
        return new OpenAPI()
                .info(new Info().title("zhibao API").version(version).description("""
                        The JSON API of zhibao, the platform of China's IP administrative protection offices. \
                        Authenticate with an API token made on your profile page: \
                        `Authorization: Bearer <token>`. Errors are RFC 9457 problem details whose `detail` is \
                        in the language asked with `Accept-Language` (Simplified Chinese by default). \
                        Submissions that create something take an `Idempotency-Key` header (1 to 128 visible \
                        ASCII characters): a retry with the same key and body gets the first answer again, \
                        marked `Idempotent-Replayed: true`; the same key with another body is refused (422). \
                        Keys are kept for 24 hours."""))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("opaque API token (zb_...)")
                        .description("An API token from the profile page; public reference data needs none.")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
