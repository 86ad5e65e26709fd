package org.canonicalregistry.registry.schema;

import java.net.URI;
import java.util.List;

import org.canonicalregistry.registry.api.SchemasApi;
import org.canonicalregistry.registry.api.model.RegisterSchemaVersionRequest;
import org.canonicalregistry.registry.api.model.SchemaVersionSummary;
import org.canonicalregistry.registry.security.AccessPolicy;
import org.canonicalregistry.registry.security.CurrentPrincipal;
import org.canonicalregistry.registry.security.Principal;
import org.canonicalregistry.registry.security.Role;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/entities/{name}/versions…} and {@code /api/v1/schemas/{globalId}…}: register and read schema
 * versions.
 *
 * <p>Caching follows from immutability: an exact version (or a global id) never changes, so its raw schema is
 * {@code public, max-age=31536000, immutable}; {@code latest} and {@code M.latest} move when a version is
 * registered, so they are cached for a minute only. The ETag is the quoted fingerprint, so a
 * client (or cache) revalidates with {@code If-None-Match} and gets {@code 304}.
 */
@RestController
class SchemaVersionController implements SchemasApi {

    /** Exact versions and global ids: content can never change. */
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /** {@code latest} / {@code M.latest}: moves when a version is registered. */
    static final String MOVING = "public, max-age=60";
    private final SchemaVersionService versions;
    private final CurrentPrincipal caller;

    SchemaVersionController(SchemaVersionService versions, CurrentPrincipal caller) {
        this.versions = versions;
        this.caller = caller;
    }

    @Override
    public ResponseEntity<org.canonicalregistry.registry.api.model.SchemaVersion> registerSchemaVersion(String name,
            RegisterSchemaVersionRequest request) {
        // Direct registration is an ADMIN's tool until change proposals replace it.
        Principal actor = caller.require();
        AccessPolicy.requireAnyRole(actor, "register schema versions directly", Role.ADMIN);
        RegistrationResult result = versions.register(name, request.getSchema(),
                Boolean.TRUE.equals(request.getNewMajor()), request.getReason(), actor.name());
        var body = SchemaVersionRepresentation.toApi(result.version());
        if (result instanceof RegistrationResult.Created created) {
            return ResponseEntity.created(location(created.version())).body(body);
        }
        return ResponseEntity.ok(body);
    }

    @Override
    public ResponseEntity<List<SchemaVersionSummary>> listSchemaVersions(String name) {
        return ResponseEntity.ok(versions.list(name).stream().map(SchemaVersionRepresentation::toSummary).toList());
    }

    @Override
    public ResponseEntity<org.canonicalregistry.registry.api.model.SchemaVersion> getSchemaVersion(String name,
            String version) {
        return ResponseEntity.ok(SchemaVersionRepresentation.toApi(versions.get(name, VersionSelector.parse(version))));
    }

    @Override
    public ResponseEntity<org.canonicalregistry.registry.api.model.SchemaVersion> getSchemaById(Long globalId) {
        return ResponseEntity.ok(SchemaVersionRepresentation.toApi(versions.getByGlobalId(globalId)));
    }

    @Override
    public ResponseEntity<JsonNode> getRawSchema(String name, String version, String ifNoneMatch) {
        VersionSelector selector = VersionSelector.parse(version);
        boolean moving = !(selector instanceof VersionSelector.Exact);
        return raw(versions.get(name, selector), moving, ifNoneMatch);
    }

    @Override
    public ResponseEntity<JsonNode> getRawSchemaById(Long globalId, String ifNoneMatch) {
        return raw(versions.getByGlobalId(globalId), false, ifNoneMatch);
    }

    private static ResponseEntity<JsonNode> raw(SchemaVersion version, boolean moving, String ifNoneMatch) {
        String etag = "\"" + version.fingerprint() + "\"";
        String cache = moving ? MOVING : IMMUTABLE;
        if (matches(ifNoneMatch, etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag)
                    .header(HttpHeaders.CACHE_CONTROL, cache).build();
        }
        return ResponseEntity.ok().eTag(etag).header(HttpHeaders.CACHE_CONTROL, cache)
                .body(SchemaVersionRepresentation.canonical(version));
    }

    /** RFC 9110 §13.1.2: {@code *}, or any listed tag equal under weak comparison. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    static URI location(SchemaVersion version) {
        return URI.create("/api/v1/entities/" + version.entity() + "/versions/" + version.version());
    }
}
