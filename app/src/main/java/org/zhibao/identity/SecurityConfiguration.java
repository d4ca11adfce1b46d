package org.zhibao.identity;

import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import dev.samstevens.totp.time.SystemTimeProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who may reach what. Officials log in with password and TOTP code; the JSON API also takes bearer
 * tokens. Endpoints declare their roles with {@code @PreAuthorize}; jurisdiction is checked where the
 * object is known. Refusals are answered with the 403 page (or JSON on the API) and published for audit.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String[] PUBLIC_PATHS = { "/login", "/register", "/error", "/error/**", "/webjars/**", "/css/**",
            "/js/**", "/favicon.ico", "/actuator/health", "/api/v1/regions/**", "/v3/api-docs", "/v3/api-docs/**",
            "/v3/api-docs.yaml", "/decisions" };
    /** Reachable by an official who still has to set up the second factor. */
    static final String[] ENROLMENT_PATHS = { "/profile/totp", "/profile/totp/**" };
    /** Reachable by a holder who must first replace a password an administrator set. */
    static final String[] PASSWORD_CHANGE_PATHS = { "/profile/password-change" };

    static final RequestMatcher API = request -> request.getRequestURI()
            .startsWith(request.getContextPath() + "/api/");

    @Bean
    PasswordEncoder passwordEncoder() {
        String argon2 = "argon2@SpringSecurity_v5_8";
        return new DelegatingPasswordEncoder(argon2,
                Map.of(argon2, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
    }

    @Bean
    Totp totp() {
        return new Totp(new SystemTimeProvider());
    }

    /**
     * The only way to authenticate with a password. Being the application's AuthenticationManager, it also
     * keeps Spring Boot from adding its default in-memory user, and each login is checked exactly once
     * (a provider bean would also sit in a parent manager and count every failure twice).
     */
    @Bean
    AuthenticationManager authenticationManager(AccountRepository accounts, PasswordEncoder passwords,
            SecurityPolicies policies, Principals principals, Totp totp, TransactionTemplate transaction,
            LoginAttempts attempts, AuthenticationEventPublisher events) {
        ProviderManager manager = new ProviderManager(new TwoFactorAuthenticationProvider(accounts, passwords,
                policies, principals, totp, transaction, attempts));
        manager.setAuthenticationEventPublisher(events);
        return manager;
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationManager authenticationManager,
            ApiTokens tokens, AccountRepository accounts, Principals principals, SecurityPolicies policies,
            RefusalHandler refusals) throws Exception {
        http.authenticationManager(authenticationManager);
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers(PUBLIC_PATHS).permitAll()
                .requestMatchers(ENROLMENT_PATHS).access(holding(Principals.TOTP_ENROLMENT))
                .requestMatchers(PASSWORD_CHANGE_PATHS).authenticated()
                .anyRequest().access(fullyEnrolled()));
        http.formLogin(form -> form
                .loginPage("/login")
                .authenticationDetailsSource(LoginDetails::new)
                .successHandler(successHandler(policies))
                .failureHandler(failureHandler())
                .permitAll());
        http.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"));
        http.csrf(csrf -> csrf.ignoringRequestMatchers(BearerTokenFilter::isApiCallWithToken));
        http.exceptionHandling(exceptions -> exceptions
                .accessDeniedHandler(refusals)
                .defaultAuthenticationEntryPointFor(refusals, API)
                .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), request -> true));
        http.addFilterAfter(new BearerTokenFilter(tokens, accounts, principals, refusals),
                SecurityContextHolderFilter.class);
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")));
        return http.build();
    }

    /** Authenticated, and not merely waiting to replace a password or to set up the second factor. */
    private static AuthorizationManager<RequestAuthorizationContext> fullyEnrolled() {
        return new AuthorizationManager<>() {
            @Override
            public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
                    RequestAuthorizationContext context) {
                Authentication auth = authentication.get();
                boolean ok = auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof ZhibaoUser
                        && pendingStep(auth) == null;
                return new AuthorizationDecision(ok);
            }
        };
    }

    /** A fully authenticated account, or one waiting for exactly this step (enrolment pages). */
    private static AuthorizationManager<RequestAuthorizationContext> holding(String step) {
        return new AuthorizationManager<>() {
            @Override
            public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
                    RequestAuthorizationContext context) {
                Authentication auth = authentication.get();
                boolean ok = auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof ZhibaoUser
                        && (pendingStep(auth) == null || step.equals(pendingStep(auth)));
                return new AuthorizationDecision(ok);
            }
        };
    }

    /** The restricted step an authentication is waiting for, or {@code null} when it is complete. */
    static String pendingStep(Authentication auth) {
        return auth.getAuthorities().stream().map(a -> a.getAuthority())
                .filter(a -> Principals.TOTP_ENROLMENT.equals(a) || Principals.PASSWORD_CHANGE.equals(a))
                .findFirst().orElse(null);
    }

    /** Where an account waiting for a step is sent. */
    static String pathOf(String step) {
        return Principals.PASSWORD_CHANGE.equals(step) ? "/profile/password-change" : "/profile/totp";
    }

    private static SavedRequestAwareAuthenticationSuccessHandler successHandler(SecurityPolicies policies) {
        var handler = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                    Authentication authentication) throws IOException, jakarta.servlet.ServletException {
                HttpSession session = request.getSession();
                session.setMaxInactiveInterval(policies.current().idleTimeoutMinutes() * 60);
                String pending = pendingStep(authentication);
                if (pending != null) {
                    new HttpSessionRequestCache().removeRequest(request, response);
                    getRedirectStrategy().sendRedirect(request, response, pathOf(pending));
                    return;
                }
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };
        handler.setDefaultTargetUrl("/");
        return handler;
    }

    /**
     * Back to the form with the kind of failure in the address (no session is made for it). A wrong
     * password and a wrong code get the same answer, so the form never confirms a guessed password.
     */
    private static AuthenticationFailureHandler failureHandler() {
        return (request, response, exception) -> response.sendRedirect(
                request.getContextPath() + "/login?error=" + loginErrorKey(exception));
    }

    static String loginErrorKey(AuthenticationException exception) {
        if (exception instanceof LockedException) {
            return "locked";
        }
        if (exception instanceof DisabledException) {
            return "disabled";
        }
        return "bad";
    }

    static void publishRefusal(ApplicationEventPublisher events, HttpServletRequest request, Authentication auth,
            String reason) {
        ZhibaoUser user = auth != null && auth.getPrincipal() instanceof ZhibaoUser u ? u : null;
        events.publishEvent(new AccessRefused(user == null ? null : user.username(),
                user == null ? null : user.officeId(), request.getMethod(), request.getRequestURI(),
                request.getRemoteAddr(), reason));
    }
}
