package io.omnihub.console.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnihub.store.user.AppUserRepository;
import io.omnihub.store.user.Role;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * Who may call what.
 * <ul>
 *   <li>{@code /channels/**}: open, each channel authenticates its posts itself (signatures, origins);</li>
 *   <li>{@code /api/**} and {@code /actuator/**}: HTTP Basic or an API token ({@code Bearer omh_...}),
 *       stateless, JSON errors; health is public, the rest needs a role;</li>
 *   <li>everything else (the console): a signed-in session with CSRF protection.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    static final String[] STAFF = {Role.AGENT.name(), Role.SUPERVISOR.name(), Role.ADMIN.name()};
    static final String[] STAFF_AND_INTEGRATIONS = {Role.AGENT.name(), Role.SUPERVISOR.name(), Role.ADMIN.name(),
        Role.INTEGRATION.name()};

    /** The console's pages: their own scripts and styles only, frames only for the hub's own email frame. */
    static final String CONSOLE_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; frame-src 'self'; frame-ancestors 'self'; form-action 'self'; "
            + "base-uri 'none'; object-src 'none'";
    /** API answers are data, never a page: nothing loads, nothing frames them. */
    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";
    static final String PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "interest-cohort=()";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Password sign-ins go through the throttle ({@link SignInThrottle}). */
    @Bean
    ThrottledAuthenticationProvider throttledAuthenticationProvider(HubUserDetailsService users,
            PasswordEncoder passwords, SignInThrottle throttle) {
        return new ThrottledAuthenticationProvider(users, passwords, throttle);
    }

    /** The console's sessions, so that presence can follow them (io.omnihub.console.routing.PresenceFollowsSessions). */
    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    @Bean
    @Order(1)
    SecurityFilterChain channels(HttpSecurity http) throws Exception {
        return http.securityMatcher("/channels/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, AppUserRepository users, Clock clock,
            ObjectMapper json) throws Exception {
        return http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasAnyRole(Role.ADMIN.name(), Role.INTEGRATION.name())
                        .requestMatchers("/api/v1/admin/**", "/api/v1/tokens/**").hasRole(Role.ADMIN.name())
                        // the ERP/SCM side: IT staff and the systems themselves
                        .requestMatchers("/api/v1/integrations/**").hasAnyRole(Role.ADMIN.name(), Role.INTEGRATION.name())
                        // answering customers is people's work, not an integration's
                        .requestMatchers(org.springframework.http.HttpMethod.POST, "/api/v1/conversations/*/replies",
                                "/api/v1/conversations/*/replies/*/resend", "/api/v1/held-items/**",
                                "/api/v1/conversations/*/calls", "/api/v1/tasks/*/done",
                                "/api/v1/conversations/*/business-requests", "/api/v1/conversations/*/assignment",
                                "/api/v1/conversations/*/notes", "/api/v1/conversations/*/merge")
                        .hasAnyRole(STAFF)
                        .requestMatchers(org.springframework.http.HttpMethod.PATCH, "/api/v1/conversations/*")
                        .hasAnyRole(STAFF)
                        .requestMatchers("/api/v1/me/**").hasAnyRole(STAFF)
                        // merging customers is for supervisors and administrators
                        .requestMatchers("/api/v1/customers/*/merge", "/api/v1/customer-merges/**")
                        .hasAnyRole(Role.SUPERVISOR.name(), Role.ADMIN.name())
                        .requestMatchers("/api/**").hasAnyRole(STAFF_AND_INTEGRATIONS)
                        .anyRequest().denyAll())
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, users, clock), BasicAuthenticationFilter.class)
                .addFilterAfter(new CrossSiteRequestGuard(json), AnonymousAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) ->
                        unauthenticated(response, json, e)))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) -> unauthenticated(response, json, e))
                        .accessDeniedHandler((request, response, e) -> problem(response, json, HttpStatus.FORBIDDEN,
                                "your roles do not allow this")))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(API_CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .permissionsPolicyHeader(p -> p.policy(PERMISSIONS)))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain console(HttpSecurity http, SessionRegistry sessions, ObjectMapper json) throws Exception {
        return http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/error", "/favicon.ico", "/login", "/console/console.css").permitAll()
                        .requestMatchers("/console/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/console/customers/*/merge", "/console/customer-merges/**")
                        .hasAnyRole(Role.SUPERVISOR.name(), Role.ADMIN.name())
                        .anyRequest().hasAnyRole(STAFF))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/console/inbox"))
                .logout(logout -> logout.logoutSuccessUrl("/login?signed-out"))
                .sessionManagement(s -> s.maximumSessions(-1).sessionRegistry(sessions))
                .csrf(csrf -> csrf.csrfTokenRepository(new SessionCsrfTokens()))
                .exceptionHandling(ex -> ex.accessDeniedHandler(SecurityConfiguration::consoleRefusal))
                .addFilterAfter(new CrossSiteRequestGuard(json), AnonymousAuthenticationFilter.class)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONSOLE_CSP))
                        .frameOptions(frame -> frame.sameOrigin())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(p -> p.policy(PERMISSIONS)))
                .build();
    }

    /**
     * A console form posted without a session (it ended, or the post came from another site) goes to the
     * sign-in page, which says so; anything else refused is a 403.
     */
    private static void consoleRefusal(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response,
            org.springframework.security.access.AccessDeniedException e) throws java.io.IOException {
        if (e instanceof org.springframework.security.web.csrf.CsrfException && request.getSession(false) == null) {
            response.sendRedirect(request.getContextPath() + "/login?expired");
            return;
        }
        response.sendError(HttpStatus.FORBIDDEN.value(), e.getMessage());
    }

    /** 401 saying how to authenticate; 429 with Retry-After while the sign-in throttle refuses. */
    private static void unauthenticated(HttpServletResponse response, ObjectMapper json,
            org.springframework.security.core.AuthenticationException e) throws java.io.IOException {
        if (e instanceof SignInThrottledException throttled) {
            response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
            problem(response, json, HttpStatus.TOO_MANY_REQUESTS, throttled.getMessage());
            return;
        }
        problem(response, json, HttpStatus.UNAUTHORIZED,
                "authentication required: HTTP Basic or Authorization: Bearer <API token>");
    }

    private static void problem(HttpServletResponse response, ObjectMapper json, HttpStatus status, String detail)
            throws java.io.IOException {
        response.setStatus(status.value());
        if (status == HttpStatus.UNAUTHORIZED) {
            response.addHeader("WWW-Authenticate", "Basic realm=\"omnihub\"");
            response.addHeader("WWW-Authenticate", "Bearer realm=\"omnihub\"");
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        json.writeValue(response.getOutputStream(), Map.of("type", problem.getType().toString(), "title",
                problem.getTitle(), "status", status.value(), "detail", detail));
    }
}
