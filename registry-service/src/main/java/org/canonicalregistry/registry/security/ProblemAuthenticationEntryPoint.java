package org.canonicalregistry.registry.security;

import java.io.IOException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.canonicalregistry.registry.problem.ProblemType;
import org.canonicalregistry.registry.problem.RegistryException;
import org.canonicalregistry.registry.web.ProblemWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 from the filter chain as the same RFC 9457 problems the controllers produce. A 401 carries
 * {@code WWW-Authenticate: Bearer}, with {@code error="invalid_token"} or {@code error="invalid_request"} when a
 * credential was sent and refused (RFC 6750 §3).
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String NEEDS_TOKEN =
            "This operation needs an authenticated principal: send 'Authorization: Bearer <token>'.";

    private final ProblemWriter problems;

    ProblemAuthenticationEntryPoint(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        String challenge = "Bearer";
        String detail = NEEDS_TOKEN;
        if (failure instanceof OAuth2AuthenticationException oauth) {
            OAuth2Error error = oauth.getError();
            challenge = "Bearer error=\"" + error.getErrorCode() + "\"";
            detail = describe(oauth);
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        problems.write(request, response, new RegistryException(ProblemType.UNAUTHORIZED, detail));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        problems.write(request, response, new RegistryException(ProblemType.FORBIDDEN,
                "The authenticated principal may not " + request.getMethod() + " "
                        + RegistryException.quoted(request.getRequestURI()) + "."));
    }

    /** The refusal in words; JWT failures carry Spring's wording (which names the claim or check that failed). */
    private static String describe(OAuth2AuthenticationException failure) {
        // The message keeps the full wording; the OAuth2 description is restricted to a narrow ASCII range.
        String text = failure.getMessage();
        if (text == null || text.isBlank()) {
            text = failure.getError().getDescription();
        }
        if (text == null || text.isBlank()) {
            return "The bearer token was refused.";
        }
        return text.startsWith("An error occurred while attempting to decode the Jwt: ")
                ? "The JWT was refused: " + text.substring("An error occurred while attempting to decode the Jwt: ".length())
                : text;
    }
}
