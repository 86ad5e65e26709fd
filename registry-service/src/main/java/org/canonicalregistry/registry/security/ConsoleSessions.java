package org.canonicalregistry.registry.security;

import java.time.Clock;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Where the console chain finds who is signed in: the {@link ConsoleSession} in the HTTP session, re-validated on
 * every request. A session whose token was revoked or expired, whose principal was deleted, or which passed its
 * absolute lifetime is ended on the spot (the HTTP session is invalidated) and the request continues anonymously;
 * for a token sign-in the principal is read afresh, so a role granted or taken away applies to the next page.
 *
 * <p>Nothing is saved implicitly: only {@link ConsoleSignIn} writes a session, after authenticating the token, so
 * no other path can turn a request into a signed-in session.
 */
final class ConsoleSessions implements SecurityContextRepository {

    /** Request attribute naming why a session just ended, for the sign-in page. */
    static final String ENDED = ConsoleSessions.class.getName() + ".ended";

    private static final Logger log = LoggerFactory.getLogger(ConsoleSessions.class);

    private final PrincipalService principals;
    private final Clock clock;

    ConsoleSessions(PrincipalService principals, Clock clock) {
        this.principals = principals;
        this.clock = clock;
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        return new DeferredSecurityContext() {
            private SecurityContext loaded;

            @Override
            public SecurityContext get() {
                if (loaded == null) {
                    loaded = load(request);
                }
                return loaded;
            }

            @Override
            public boolean isGenerated() {
                return get().getAuthentication() == null;
            }
        };
    }

    @Override
    @SuppressWarnings("deprecation")
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return load(holder.getRequest());
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        // Deliberately nothing: see the class comment.
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(ConsoleSession.ATTRIBUTE) instanceof ConsoleSession;
    }

    private SecurityContext load(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(ConsoleSession.ATTRIBUTE) instanceof ConsoleSession signIn)) {
            return SecurityContextHolder.createEmptyContext();
        }
        Validity validity = validate(signIn, clock.instant());
        if (validity instanceof Validity.Ended ended) {
            log.info("Console session of '{}' ended: {}", signIn.principal(), ended.reason());
            request.setAttribute(ENDED, ended.reason());
            session.invalidate();
            return SecurityContextHolder.createEmptyContext();
        }
        return new SecurityContextImpl(((Validity.Current) validity).authentication());
    }

    /** Whether a stored sign-in still stands at {@code now}, and as whom. */
    Validity validate(ConsoleSession signIn, Instant now) {
        if (!now.isBefore(signIn.notAfter())) {
            return new Validity.Ended("the session reached its end at " + signIn.notAfter() + "; please sign in again");
        }
        if (signIn.tokenId() == null) {
            return signIn.signedInAs() == null ? new Validity.Ended("the session is incomplete")
                    : new Validity.Current(new RegistryAuthentication(signIn.signedInAs(), signIn.method(), null,
                            signIn.notAfter()));
        }
        PrincipalService.TokenCheck check = principals.recheck(signIn.principal(), signIn.tokenId());
        if (check instanceof PrincipalService.Valid valid) {
            return new Validity.Current(new RegistryAuthentication(valid.principal(), signIn.method(),
                    signIn.tokenId(), signIn.notAfter()));
        }
        String reason = check instanceof PrincipalService.Revoked ? "the token it was signed in with was revoked"
                : check instanceof PrincipalService.Expired ? "the token it was signed in with expired"
                : "the token or principal it was signed in with no longer exists";
        return new Validity.Ended(reason);
    }

    /** Outcome of re-validating a session. */
    sealed interface Validity {
        record Current(RegistryAuthentication authentication) implements Validity {
        }

        record Ended(String reason) implements Validity {
        }
    }
}
