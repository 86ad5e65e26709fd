package org.canonicalregistry.registry.security;

import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * Reads the bearer token from the one {@code Authorization} header, and says exactly what is wrong with a header
 * it cannot use (several headers, over-long, another scheme, empty, characters outside RFC 6750's token68).
 * Tokens in query parameters or form bodies are not accepted: they end up in logs.
 */
final class StrictBearerTokenResolver implements BearerTokenResolver {

    /** Far above any JWT a sane issuer signs; the registry's own tokens have 47 characters. */
    static final int MAX_HEADER_CHARS = 4096;
    private static final Pattern TOKEN68 = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

    @Override
    public String resolve(HttpServletRequest request) {
        List<String> headers = Collections.list(request.getHeaders(HttpHeaders.AUTHORIZATION));
        if (headers.isEmpty()) {
            return null;
        }
        if (headers.size() > 1) {
            throw invalid("The request carries " + headers.size() + " Authorization headers; send exactly one.");
        }
        String header = headers.get(0);
        if (header.length() > MAX_HEADER_CHARS) {
            throw invalid("The Authorization header has " + header.length() + " characters; at most "
                    + MAX_HEADER_CHARS + " are accepted.");
        }
        int space = header.indexOf(' ');
        String scheme = space < 0 ? header : header.substring(0, space);
        if (!scheme.equalsIgnoreCase("Bearer")) {
            throw invalid("The Authorization header uses the scheme " + quotedScheme(scheme)
                    + "; the registry accepts only 'Bearer <token>'.");
        }
        String token = space < 0 ? "" : header.substring(space + 1).strip();
        if (token.isEmpty()) {
            throw invalid("The Authorization header says 'Bearer' but carries no token.");
        }
        if (!TOKEN68.matcher(token).matches()) {
            throw invalid("The bearer token contains characters a token cannot contain "
                    + "(allowed: A-Z a-z 0-9 - . _ ~ + / and trailing =).");
        }
        return token;
    }

    private static String quotedScheme(String scheme) {
        // A scheme is a short word; anything else is not echoed.
        return scheme.matches("[A-Za-z0-9-]{1,20}") ? "'" + scheme + "'" : "(unreadable)";
    }

    private static OAuth2AuthenticationException invalid(String description) {
        return new OAuth2AuthenticationException(BearerTokenErrors.invalidRequest(description), description);
    }
}
