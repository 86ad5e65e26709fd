package org.canonicalregistry.registry.security;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.canonicalregistry.registry.web.ProblemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The owners' console's filter chain: every path the API chain ({@link SecurityConfiguration}) does not take.
 *
 * <ul>
 *   <li>Sign-in is by the same credentials as the API (a registry token or an OIDC JWT, checked by the same
 *       {@link BearerAuthentication}); {@link ConsoleSignIn} then keeps a {@link ConsoleSession} in the HTTP session,
 *       which {@link ConsoleSessions} re-validates on every request.</li>
 *   <li>CSRF protection is on: every form carries the session's token (Thymeleaf adds it), and a POST without it is
 *       refused before any controller runs.</li>
 *   <li>Reads follow {@code registry.security.reads}, like the API; every POST needs a signed-in principal, and what
 *       it may do is decided by the feature services, exactly as for the API.</li>
 *   <li>A strict Content-Security-Policy: scripts and styles only from the registry itself (htmx from its webjar),
 *       no inline script or style, no framing; so even text that escaped escaping could not run.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ConsoleSecurity {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /** Request attribute with a refusal's plain-language reason, shown by the console's error page. */
    static final String REFUSAL = ProblemWriter.REFUSAL_REASON_ATTRIBUTE;

    @Bean
    ConsoleSessions consoleSessions(PrincipalService principals, Clock clock) {
        return new ConsoleSessions(principals, clock);
    }

    @Bean
    @Order(2)
    SecurityFilterChain consoleFilterChain(HttpSecurity http, SecuritySettings settings, ConsoleSessions sessions,
                                        @Value("${server.servlet.session.cookie.name:JSESSIONID}") String cookie)
            throws Exception {
        boolean openReads = settings.reads() == SecuritySettings.ReadAccess.OPEN;
        http.securityContext(c -> c.securityContextRepository(sessions))
                // ConsoleSignIn replaces the whole HTTP session on sign-in (new id, new CSRF token) itself.
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED)
                        .sessionFixation(f -> f.none()))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(l -> l.logoutUrl("/sign-out").logoutSuccessUrl("/sign-in?signed-out")
                        .invalidateHttpSession(true).clearAuthentication(true).deleteCookies(cookie))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .exceptionHandling(e -> e.authenticationEntryPoint(signInFirst()).accessDeniedHandler(refused()))
                .authorizeHttpRequests(a -> {
                    a.requestMatchers("/console/**", "/webjars/**", "/favicon.ico", "/sign-in", "/error").permitAll();
                    if (openReads) {
                        a.requestMatchers(HttpMethod.GET, "/**").permitAll();
                        a.requestMatchers(HttpMethod.HEAD, "/**").permitAll();
                    }
                    a.anyRequest().authenticated();
                });
        return http.build();
    }

    /** An anonymous request for a page that needs a principal goes to the sign-in page, and comes back after. */
    private static AuthenticationEntryPoint signInFirst() {
        return (request, response, refused) -> {
            if (!HttpMethod.GET.matches(request.getMethod())) {
                refuse(request, response, HttpServletResponse.SC_UNAUTHORIZED,
                        "You are not signed in (or your session ended). Sign in and try again.");
                return;
            }
            String target = request.getRequestURI()
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            response.sendRedirect(request.getContextPath() + "/sign-in?continue="
                    + URLEncoder.encode(target, StandardCharsets.UTF_8));
        };
    }

    /** A refused form says why in words: most often a page left open across a sign-out or restart. */
    private static AccessDeniedHandler refused() {
        return (request, response, denied) -> refuse(request, response, HttpServletResponse.SC_FORBIDDEN,
                denied instanceof CsrfException
                        ? "The form was refused: it did not carry this session's security token (CSRF). Reload the "
                        + "page and try again; nothing was changed."
                        : "You may not do this.");
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String reason)
            throws IOException {
        request.setAttribute(REFUSAL, reason);
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        response.sendError(status);
    }
}
