package org.zhibao.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may reach what. Endpoints declare their roles with {@code @PreAuthorize}; jurisdiction is checked
 * where the object is known.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String[] PUBLIC_PATHS = { "/login", "/register", "/error", "/webjars/**", "/css/**", "/js/**",
            "/favicon.ico", "/actuator/health", "/api/v1/regions/**" };

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers(PUBLIC_PATHS).permitAll()
                .anyRequest().authenticated());
        http.formLogin(form -> form.loginPage("/login").permitAll());
        return http.build();
    }
}
