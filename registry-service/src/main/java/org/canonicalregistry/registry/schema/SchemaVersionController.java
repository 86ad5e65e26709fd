package org.canonicalregistry.registry.schema;

import java.util.List;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.canonicalregistry.registry.api.SchemasApi;
import org.canonicalregistry.registry.api.model.DecisionRequest;
import org.canonicalregistry.registry.api.model.DeprecationRequest;
import org.canonicalregistry.registry.api.model.SchemaVersionSummary;
import org.canonicalregistry.registry.security.CurrentPrincipal;
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
    private final CurrentPrincipal principal;

    SchemaVersionController(SchemaVersionService versions, CurrentPrincipal principal) {
        this.versions = versions;
        this.principal = principal;
    }

    @Override
    public ResponseEntity<org.canonicalregistry.registry.api.model.SchemaVersion> deprecateSchemaVersion(String name,
            String version, DeprecationRequest request) {
        SchemaVersion changed = versions.deprecate(principal.require(), name, version, request.getSunsetDate(),
                request.getReplacement(), request.getComment());
        return withLifecycle(ResponseEntity.ok(), changed).body(SchemaVersionRepresentation.toApi(changed));
    }

    @Override
    public ResponseEntity<org.canonicalregistry.registry.api.model.SchemaVersion> retireSchemaVersion(String name,
            String version, DecisionRequest request) {
        SchemaVersion changed = versions.retire(principal.require(), name, version,
                request == null ? null : request.getComment());
        return withLifecycle(ResponseEntity.ok(), changed).body(SchemaVersionRepresentation.toApi(changed));
    }

    /**
     * Flags a deprecated or retired version on every read: RFC 9745 {@code Deprecation} (when it was deprecated),
     * RFC 8594 {@code Sunset} (its announced retirement date) and a {@code successor-version} link to its replacement.
     */
    static ResponseEntity.BodyBuilder withLifecycle(ResponseEntity.BodyBuilder response, SchemaVersion version) {
        if (version.state() == SchemaState.PUBLISHED) {
            return response;
        }
        if (version.deprecatedAt() != null) {
            response.header("Deprecation", "@" + version.deprecatedAt().getEpochSecond());
        }
        if (version.sunsetDate() != null) {
            response.header("Sunset", DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    version.sunsetDate().atStartOfDay(ZoneOffset.UTC)));
        }
        if (version.replacement() != null) {
            String successor = version.replacement().substring(version.replacement().indexOf('@') + 1);
            response.header(HttpHeaders.LINK, "</api/v1/entities/" + version.entity() + "/versions/" + successor
                    + ">; rel=\"successor-version\"");
        }
        return response;
    }

    @Override
    public ResponseEntity<List<SchemaVersionSummary>> listSchemaVersions(String name) {
        return ResponseEntity.ok(versions.list(name).stream().map(SchemaVersionRepresentation::toSummary).toList());
    }

    @Override
    public ResponseEntity<org.canonicalregistry.registry.api.model.SchemaVersion> getSchemaVersion(String name,
            String version) {
        SchemaVersion found = versions.get(name, VersionSelector.parse(version));
        return withLifecycle(ResponseEntity.ok(), found).body(SchemaVersionRepresentation.toApi(found));
    }

    @Override
    public ResponseEntity<org.canonicalregistry.registry.api.model.SchemaVersion> getSchemaById(Long globalId) {
        SchemaVersion found = versions.getByGlobalId(globalId);
        return withLifecycle(ResponseEntity.ok(), found).body(SchemaVersionRepresentation.toApi(found));
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
            return withLifecycle(ResponseEntity.status(HttpStatus.NOT_MODIFIED), version).eTag(etag)
                    .header(HttpHeaders.CACHE_CONTROL, cache).build();
        }
        return withLifecycle(ResponseEntity.ok(), version).eTag(etag).header(HttpHeaders.CACHE_CONTROL, cache)
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
}
