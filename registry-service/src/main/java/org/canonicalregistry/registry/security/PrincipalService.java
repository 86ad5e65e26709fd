package org.canonicalregistry.registry.security;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.canonicalregistry.registry.audit.StateFingerprint;
import org.canonicalregistry.registry.problem.InvalidField;
import org.canonicalregistry.registry.problem.ProblemType;
import org.canonicalregistry.registry.problem.RegistryException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Principals, their roles and their API tokens. Every method takes the acting {@link Principal} first and decides
 * with {@link AccessPolicy} before touching the store; every mutation publishes one
 * {@link org.canonicalregistry.registry.audit.AuditedChange} inside its transaction. Thread-safe.
 *
 * <p>Who may do what: ADMINs create principals, change anyone's roles (their own included: nobody else can) and
 * manage anyone's tokens. Every principal may read principals, change its own display name and email, and issue,
 * list and revoke its own tokens.
 */
@Service
public class PrincipalService {

    private final PrincipalRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PrincipalService(PrincipalRepository repository, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @throws RegistryException FORBIDDEN unless the actor is an ADMIN; PRINCIPAL_ALREADY_EXISTS when the name is taken
     */
    @Transactional
    public PrincipalAccount create(Principal actor, NewPrincipal request) {
        AccessPolicy.requireAnyRole(actor, "create principals", Role.ADMIN);
        return insert(actor, request);
    }

    /**
     * Creates the principal unless one of that name exists (then leaves it exactly as it is). For the registry's own
     * start-up tasks (sample owners); the actor must still be an ADMIN.
     *
     * @return true when it was created
     */
    @Transactional
    public boolean createIfAbsent(Principal actor, NewPrincipal request) {
        AccessPolicy.requireAnyRole(actor, "create principals", Role.ADMIN);
        if (repository.find(request.name()).isPresent()) {
            return false;
        }
        insert(actor, request);
        return true;
    }

    private PrincipalAccount insert(Principal actor, NewPrincipal request) {
        if (repository.find(request.name()).isPresent()) {
            throw alreadyExists(request.name());
        }
        Instant now = now();
        PrincipalAccount account = new PrincipalAccount(
                new Principal(request.name(), request.displayName(), request.email(), request.roles()), now, now);
        try {
            repository.insert(account);
        } catch (DuplicateKeyException raced) {
            throw alreadyExists(request.name());
        }
        events.publishEvent(new PrincipalCreated(actor.name(), account.name(), account.principal().roles(),
                StateFingerprint.of(account), now));
        return account;
    }

    /** Every principal, by name. Any authenticated principal may list them (owners look up approvers). */
    @Transactional(readOnly = true)
    public List<PrincipalAccount> list(Principal actor) {
        return repository.list();
    }

    /** @throws RegistryException PRINCIPAL_NOT_FOUND */
    @Transactional(readOnly = true)
    public PrincipalAccount get(Principal actor, String name) {
        return find(name).orElseThrow(() -> notFound(name));
    }

    /** The stored principal, or empty; never throws for an unknown or over-long name. */
    @Transactional(readOnly = true)
    public Optional<PrincipalAccount> find(String name) {
        if (name == null || name.length() > PrincipalRules.MAX_NAME) {
            return Optional.empty();
        }
        return repository.find(name);
    }

    /**
     * Applies the present members of {@code changes}. Display name and email: the principal itself or an ADMIN.
     * Roles: only an ADMIN, also for one's own roles.
     *
     * @throws RegistryException PRINCIPAL_NOT_FOUND, FORBIDDEN
     */
    @Transactional
    public PrincipalAccount update(Principal actor, String name, PrincipalChanges changes) {
        PrincipalAccount current = get(actor, name);
        Principal before = current.principal();
        if (changes.roles() != null && !changes.roles().equals(before.roles())) {
            AccessPolicy.requireAnyRole(actor, "change the roles of " + RegistryException.quoted(name), Role.ADMIN);
        }
        if (!actor.isAdmin() && !actor.name().equals(name)) {
            throw AccessPolicy.forbidden(actor, "change principal " + RegistryException.quoted(name),
                    "only the principal itself or an ADMIN may");
        }
        Principal after = new Principal(before.name(),
                changes.displayName() != null ? changes.displayName() : before.displayName(),
                changes.email() != null ? changes.email() : before.email(),
                changes.roles() != null ? changes.roles() : before.roles());
        if (after.equals(before)) {
            return current;
        }
        Instant now = now();
        PrincipalAccount changed = new PrincipalAccount(after, current.createdAt(), now);
        if (!repository.update(changed)) {
            throw notFound(name);
        }
        events.publishEvent(new PrincipalChanged(actor.name(), name, before.roles(), after.roles(),
                StateFingerprint.of(current), StateFingerprint.of(changed), now));
        return changed;
    }

    /**
     * Issues a new token for {@code name}: the principal itself or an ADMIN. The returned value is the only place
     * the token exists; the store keeps its SHA-256.
     *
     * @param label what it is for; 1 to 200 characters
     * @param expiresAt null for never; otherwise in the future
     * @throws RegistryException VALIDATION_FAILED, PRINCIPAL_NOT_FOUND, FORBIDDEN
     */
    @Transactional
    public IssuedToken issueToken(Principal actor, String name, String label, Instant expiresAt) {
        return issue(actor, name, label, expiresAt, TokenSecret.generate());
    }

    /** Issues a caller-chosen token (the preset bootstrap token); its shape was checked by the caller. */
    IssuedToken issue(Principal actor, String name, String label, Instant expiresAt, String secret) {
        requireSelfOrAdmin(actor, name, "issue tokens for " + RegistryException.quoted(name));
        Instant now = now();
        var errors = PrincipalRules.errors();
        if (label == null || label.isBlank() || label.length() > 200) {
            errors.add(new InvalidField("/label", "must be 1 to 200 characters, not blank"));
        }
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            errors.add(new InvalidField("/expiresAt", "must lie in the future (now is " + now + ")"));
        }
        PrincipalRules.throwIfAny(errors);
        get(actor, name);
        ApiToken token = new ApiToken(UUID.randomUUID().toString(), name, label, now,
                expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.MICROS), null);
        repository.insertToken(token, TokenSecret.hash(secret));
        events.publishEvent(new TokenIssued(actor.name(), name, token.id(), label, token.expiresAt(),
                StateFingerprint.of(token), now));
        return new IssuedToken(token, secret);
    }

    /** The principal's tokens, newest first (revoked and expired included): the principal itself or an ADMIN. */
    @Transactional(readOnly = true)
    public List<ApiToken> tokens(Principal actor, String name) {
        requireSelfOrAdmin(actor, name, "list the tokens of " + RegistryException.quoted(name));
        get(actor, name);
        return repository.tokens(name);
    }

    /**
     * Revokes one token (idempotent: revoking a revoked token changes nothing and publishes nothing).
     *
     * @throws RegistryException FORBIDDEN, PRINCIPAL_NOT_FOUND, TOKEN_NOT_FOUND
     */
    @Transactional
    public ApiToken revokeToken(Principal actor, String name, String tokenId) {
        requireSelfOrAdmin(actor, name, "revoke the tokens of " + RegistryException.quoted(name));
        get(actor, name);
        ApiToken current = repository.findToken(name, tokenId).orElseThrow(() -> new RegistryException(
                ProblemType.TOKEN_NOT_FOUND, "Principal " + RegistryException.quoted(name) + " has no token with id "
                + RegistryException.quoted(tokenId) + ".", Map.of("principal", name, "tokenId", tokenId)));
        if (current.revoked()) {
            return current;
        }
        Instant now = now();
        repository.revokeToken(tokenId, now);
        ApiToken revoked = new ApiToken(current.id(), current.principal(), current.label(), current.createdAt(),
                current.expiresAt(), now);
        events.publishEvent(new TokenRevoked(actor.name(), name, tokenId, StateFingerprint.of(current),
                StateFingerprint.of(revoked), now));
        return revoked;
    }

    /** The outcome of presenting a registry token. */
    sealed interface TokenCheck permits Valid, Unknown, Revoked, Expired {
    }

    record Valid(Principal principal, ApiToken token) implements TokenCheck {
    }

    record Unknown() implements TokenCheck {
    }

    record Revoked(ApiToken token) implements TokenCheck {
    }

    record Expired(ApiToken token) implements TokenCheck {
    }

    /** Looks the token up by its hash and checks revocation and expiry against the registry's clock. */
    @Transactional(readOnly = true)
    TokenCheck authenticate(String secret) {
        return check(repository.findTokenByHash(TokenSecret.hash(secret)));
    }

    /**
     * The same check for a token already presented once, by its id: a console session re-runs it on every request,
     * so revoking or expiring the token, or deleting its principal, ends the session, and role changes apply at once.
     */
    @Transactional(readOnly = true)
    TokenCheck recheck(String principal, String tokenId) {
        return check(repository.findToken(principal, tokenId));
    }

    private TokenCheck check(Optional<ApiToken> found) {
        if (found.isEmpty()) {
            return new Unknown();
        }
        ApiToken token = found.get();
        if (token.revoked()) {
            return new Revoked(token);
        }
        if (token.expiredAt(clock.instant())) {
            return new Expired(token);
        }
        Optional<PrincipalAccount> account = repository.find(token.principal());
        return account.<TokenCheck>map(a -> new Valid(a.principal(), token)).orElseGet(Unknown::new);
    }

    /** Whether some principal holds the ADMIN role. */
    @Transactional(readOnly = true)
    boolean anyAdmin() {
        return repository.anyWithRole(Role.ADMIN);
    }

    /** Whether a token with this hash was ever issued (revoked or not). */
    @Transactional(readOnly = true)
    boolean tokenExists(String secret) {
        return repository.findTokenByHash(TokenSecret.hash(secret)).isPresent();
    }

    private static void requireSelfOrAdmin(Principal actor, String name, String action) {
        if (!actor.isAdmin() && !actor.name().equals(name)) {
            throw AccessPolicy.forbidden(actor, action, "only the principal itself or an ADMIN may");
        }
    }

    static RegistryException notFound(String name) {
        return new RegistryException(ProblemType.PRINCIPAL_NOT_FOUND,
                "No principal named " + RegistryException.quoted(name) + ".", Map.of("principal", name));
    }

    private static RegistryException alreadyExists(String name) {
        return new RegistryException(ProblemType.PRINCIPAL_ALREADY_EXISTS,
                "A principal named " + RegistryException.quoted(name) + " already exists.", Map.of("principal", name));
    }

    // PostgreSQL keeps microseconds: truncating keeps returned records equal to what a later read gives.
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
