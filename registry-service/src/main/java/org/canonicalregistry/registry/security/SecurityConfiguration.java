package org.canonicalregistry.registry.security;

import java.util.Optional;
import org.canonicalregistry.registry.web.ProblemWriter;
import org.canonicalregistry.registry.problem.RegistryException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * The HTTP side of security: a stateless filter chain that authenticates bearer tokens (registry tokens, or OIDC
 * JWTs when configured) and refuses, before any controller runs, every {@code /api/v1} request that needs a
 * principal and has none. Deny by default: every non-GET API request needs authentication, except the POSTs that
 * only read (payload validation, compatibility checks, a dry-run ownership import), which follow
 * {@code registry.security.reads} like GETs.
 *
 * <p>Roles and ownership are not decided here but in the feature services through {@link AccessPolicy}, so every
 * way in (REST, console, start-up tasks) shares one decision. CSRF protection is off: this chain serves a bearer-token
 * API that never reads cookies, and ignores the console's session cookie: the console has its own chain
 * ({@link ConsoleSecurity}) with sessions and CSRF on.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecuritySettings.class)
class SecurityConfiguration {

    /** POSTs that store nothing: they are reads. */
    static final String[] READ_ONLY_POSTS = {
        "/api/v1/entities/*/versions/*/validate",
        "/api/v1/compatibility/check",
        "/api/v1/entities/*/compatibility"
    };

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, SecuritySettings settings, PrincipalService principals,
                                    ProblemWriter problems, Optional<JwtAuthenticationProvider> jwt) throws Exception {
        ProblemAuthenticationEntryPoint refusals = new ProblemAuthenticationEntryPoint(problems);
        BearerAuthentication bearer = new BearerAuthentication(principals, jwt);
        boolean openReads = settings.reads() == SecuritySettings.ReadAccess.OPEN;
        // Only the API and the probes: every other path (the console) is ConsoleSecurity's chain, with sessions.
        http.securityMatcher("/api/**", "/actuator/**")
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                // Responses keep the Cache-Control the controllers set (immutable schema versions are cacheable).
                .headers(h -> h.cacheControl(c -> c.disable()))
                .oauth2ResourceServer(rs -> rs
                        .bearerTokenResolver(new StrictBearerTokenResolver())
                        .authenticationManagerResolver(request -> bearer)
                        .authenticationEntryPoint(refusals)
                        .accessDeniedHandler(refusals))
                .exceptionHandling(e -> e.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
                .authorizeHttpRequests(a -> {
                    a.requestMatchers(HttpMethod.GET, "/api/v1/openapi.yaml", "/api/v1/docs").permitAll();
                    a.requestMatchers("/api/v1/principals", "/api/v1/principals/**").authenticated();
                    if (openReads) {
                        a.requestMatchers(HttpMethod.GET, "/api/v1/**").permitAll();
                        a.requestMatchers(HttpMethod.HEAD, "/api/v1/**").permitAll();
                        a.requestMatchers(HttpMethod.POST, READ_ONLY_POSTS).permitAll();
                        // An ownership import is a dry run (a read) unless it says apply=true.
                        a.requestMatchers(request -> HttpMethod.POST.matches(request.getMethod())
                                && "/api/v1/import".equals(request.getRequestURI())
                                && !"true".equalsIgnoreCase(request.getParameter("apply"))).permitAll();
                    }
                    a.requestMatchers("/api/v1/**").authenticated();
                    // Outside /api/v1: health probes and the API page's redirects. Nothing there writes.
                    a.anyRequest().permitAll();
                });
        return http.build();
    }

    /**
     * Spring Security's firewall refuses URLs that could confuse path matching (encoded semicolons, backslashes,
     * {@code ..} segments…). The refusal is a {@code malformed-request} problem naming what was found and the
     * (decoded, escaped) path, like every other bad input, not a bare 400.
     */
    @Bean
    RequestRejectedHandler refusedUrls(ProblemWriter problems) {
        return (request, response, rejected) -> {
            String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
            String reason = rejected.getMessage() == null ? "it is not a URL the registry accepts"
                    : rejected.getMessage().replace("The request was rejected because the URL ", "it ");
            problems.write(request, response, RegistryException.malformed("The request URL was refused: " + reason
                    + " (path " + RegistryException.quoted(path) + ")."));
        };
    }
}
