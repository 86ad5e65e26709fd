package org.canonicalregistry.registry.security;

import java.time.Clock;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's sign-in page. The pasted credential (a registry token or an OIDC JWT) is checked by the same
 * {@link BearerAuthentication} as an API request, so the console has no second way in and no second permission
 * model. On success the old HTTP session is discarded and a new one (new id, new CSRF token) holds a
 * {@link ConsoleSession}, which never contains the secret itself.
 */
@Controller
class ConsoleSignIn {

    /** Longer than any registry token or reasonable JWT; refused unread beyond it. */
    static final int MAX_CREDENTIAL_CHARS = 8192;

    private static final Logger log = LoggerFactory.getLogger(ConsoleSignIn.class);

    private final BearerAuthentication bearer;
    private final SecuritySettings settings;
    private final Clock clock;

    ConsoleSignIn(PrincipalService principals, Optional<JwtAuthenticationProvider> jwt, SecuritySettings settings,
                  Clock clock) {
        this.bearer = new BearerAuthentication(principals, jwt);
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/sign-in")
    String page(@RequestParam(name = "continue", required = false) String target,
                @RequestParam(name = "signed-out", required = false) String signedOut, HttpServletRequest request,
                Model model) {
        model.addAttribute("target", safeTarget(target));
        model.addAttribute("oidc", settings.oidc().enabled());
        if (signedOut != null) {
            model.addAttribute("notice", "You are signed out.");
        }
        if (request.getAttribute(ConsoleSessions.ENDED) instanceof String ended) {
            model.addAttribute("notice", "Your session ended: " + ended + ".");
        }
        return "console/sign-in";
    }

    @PostMapping("/sign-in")
    String signIn(@RequestParam(name = "token", required = false) String token,
                  @RequestParam(name = "continue", required = false) String target, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        String destination = safeTarget(target);
        String credential = token == null ? "" : token.strip();
        String refusal = null;
        Authentication signedIn = null;
        if (credential.isEmpty()) {
            refusal = "Paste a registry token (crt_…)" + (settings.oidc().enabled() ? " or an OIDC token" : "") + ".";
        } else if (credential.length() > MAX_CREDENTIAL_CHARS) {
            refusal = "That is longer than any token (" + credential.length() + " characters, at most "
                    + MAX_CREDENTIAL_CHARS + ").";
        } else {
            try {
                signedIn = bearer.authenticate(new BearerTokenAuthenticationToken(credential));
            } catch (AuthenticationException e) {
                refusal = e.getMessage();
            }
        }
        if (!(signedIn instanceof RegistryAuthentication authentication)) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            model.addAttribute("target", destination);
            model.addAttribute("oidc", settings.oidc().enabled());
            model.addAttribute("error", refusal == null ? "Those credentials were not accepted." : refusal);
            return "console/sign-in";
        }
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        HttpSession session = request.getSession(true);
        session.setAttribute(ConsoleSession.ATTRIBUTE,
                ConsoleSession.of(authentication, clock.instant(), settings.console().sessionLifetime()));
        log.info("Console sign-in of '{}' by {}", authentication.getName(), authentication.method());
        return "redirect:" + destination;
    }

    /**
     * Only a path on this registry: an absolute or protocol-relative URL ({@code //evil}, {@code /\evil}) or one
     * with control characters would turn sign-in into an open redirect.
     */
    static String safeTarget(String target) {
        if (target == null || target.isEmpty() || target.length() > 2048 || !target.startsWith("/")
                || target.startsWith("//") || target.startsWith("/\\")) {
            return "/";
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') {
                return "/";
            }
        }
        return target;
    }
}
