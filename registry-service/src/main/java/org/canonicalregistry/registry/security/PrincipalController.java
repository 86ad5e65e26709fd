package org.canonicalregistry.registry.security;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.canonicalregistry.registry.api.PrincipalsApi;
import org.canonicalregistry.registry.api.model.PrincipalCreateRequest;
import org.canonicalregistry.registry.api.model.PrincipalUpdateRequest;
import org.canonicalregistry.registry.api.model.TokenCreateRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/principals}: principals, their roles and their API tokens. Every operation needs an authenticated
 * caller; what the caller may do is decided by {@link PrincipalService}. A token appears in exactly one response:
 * the one that issued it.
 */
@RestController
class PrincipalController implements PrincipalsApi {

    private final PrincipalService principals;
    private final CurrentPrincipal caller;

    PrincipalController(PrincipalService principals, CurrentPrincipal caller) {
        this.principals = principals;
        this.caller = caller;
    }

    @Override
    public ResponseEntity<org.canonicalregistry.registry.api.model.PrincipalAccount> createPrincipal(
            PrincipalCreateRequest request) {
        Principal actor = caller.require();
        NewPrincipal principal = NewPrincipal.of(request.getName(), request.getDisplayName(), request.getEmail(),
                request.getRoles());
        PrincipalAccount created = principals.create(actor, principal);
        return ResponseEntity.created(URI.create("/api/v1/principals/" + created.name())).body(toApi(created));
    }

    @Override
    public ResponseEntity<List<org.canonicalregistry.registry.api.model.PrincipalAccount>> listPrincipals() {
        Principal actor = caller.require();
        return ResponseEntity.ok(principals.list(actor).stream().map(PrincipalController::toApi).toList());
    }

    @Override
    public ResponseEntity<org.canonicalregistry.registry.api.model.PrincipalAccount> getCurrentPrincipal() {
        Principal actor = caller.require();
        // An OIDC caller need not be stored: answer with what its token says.
        return ResponseEntity.ok(principals.find(actor.name())
                .filter(stored -> stored.principal().equals(actor))
                .map(PrincipalController::toApi)
                .orElseGet(() -> toApi(actor, null)));
    }

    @Override
    public ResponseEntity<org.canonicalregistry.registry.api.model.PrincipalAccount> getPrincipal(String name) {
        Principal actor = caller.require();
        return ResponseEntity.ok(toApi(principals.get(actor, name)));
    }

    @Override
    public ResponseEntity<org.canonicalregistry.registry.api.model.PrincipalAccount> updatePrincipal(String name,
            PrincipalUpdateRequest request) {
        Principal actor = caller.require();
        PrincipalChanges changes = PrincipalChanges.of(request.getDisplayName(), request.getEmail(), request.getRoles());
        return ResponseEntity.ok(toApi(principals.update(actor, name, changes)));
    }

    @Override
    public ResponseEntity<org.canonicalregistry.registry.api.model.IssuedToken> issueToken(String name,
            TokenCreateRequest request) {
        Principal actor = caller.require();
        Instant expiresAt = request.getExpiresAt() == null ? null : request.getExpiresAt().toInstant();
        IssuedToken issued = principals.issueToken(actor, name, request.getLabel(), expiresAt);
        ApiToken token = issued.metadata();
        var body = new org.canonicalregistry.registry.api.model.IssuedToken(token.id(), token.principal(),
                token.label(), utc(token.createdAt()), issued.token())
                .expiresAt(utc(token.expiresAt()));
        return ResponseEntity.created(URI.create("/api/v1/principals/" + name + "/tokens/" + token.id())).body(body);
    }

    @Override
    public ResponseEntity<List<org.canonicalregistry.registry.api.model.ApiToken>> listTokens(String name) {
        Principal actor = caller.require();
        return ResponseEntity.ok(principals.tokens(actor, name).stream().map(PrincipalController::toApi).toList());
    }

    @Override
    public ResponseEntity<Void> revokeToken(String name, String tokenId) {
        Principal actor = caller.require();
        principals.revokeToken(actor, name, tokenId);
        return ResponseEntity.noContent().build();
    }

    static org.canonicalregistry.registry.api.model.PrincipalAccount toApi(PrincipalAccount account) {
        return toApi(account.principal(), account.createdAt());
    }

    private static org.canonicalregistry.registry.api.model.PrincipalAccount toApi(Principal p, Instant createdAt) {
        Set<org.canonicalregistry.registry.api.model.Role> roles = new LinkedHashSet<>();
        for (Role role : Role.values()) {
            if (p.hasRole(role)) {
                roles.add(org.canonicalregistry.registry.api.model.Role.fromValue(role.name()));
            }
        }
        return new org.canonicalregistry.registry.api.model.PrincipalAccount(p.name(), p.displayName(), roles)
                .email(p.email())
                .createdAt(utc(createdAt));
    }

    private static org.canonicalregistry.registry.api.model.ApiToken toApi(ApiToken token) {
        return new org.canonicalregistry.registry.api.model.ApiToken(token.id(), token.principal(), token.label(),
                utc(token.createdAt()))
                .expiresAt(utc(token.expiresAt()))
                .revokedAt(utc(token.revokedAt()));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
