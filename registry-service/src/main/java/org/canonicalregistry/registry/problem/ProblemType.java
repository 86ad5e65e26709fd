package org.canonicalregistry.registry.problem;

import java.net.URI;

/**
 * The closed catalogue of problems the registry reports. Each constant has a stable {@code type} URI
 * ({@code https://canonical-registry.org/problems/<kebab-name>}), the HTTP status it maps to and a short
 * human title; clients switch on the URI, never on the title or the detail text.
 */
public enum ProblemType {
    /** No or invalid credentials (missing, unknown, revoked or expired token; bad JWT). */
    UNAUTHORIZED(401, "Authentication required"),
    /** Authenticated, but the role or ownership the operation needs is missing. */
    FORBIDDEN(403, "Forbidden"),
    /** The proposer (or an earlier approver) tried to approve the same proposal again. */
    SELF_APPROVAL(403, "Self-approval refused"),
    ENTITY_NOT_FOUND(404, "Entity not found"),
    PROPOSAL_NOT_FOUND(404, "Proposal not found"),
    PRINCIPAL_NOT_FOUND(404, "Principal not found"),
    TOKEN_NOT_FOUND(404, "Token not found"),
    SUBSCRIPTION_NOT_FOUND(404, "Webhook subscription not found"),
    VERSION_NOT_FOUND(404, "Schema version not found"),
    ENTITY_ALREADY_EXISTS(409, "Entity already exists"),
    PRINCIPAL_ALREADY_EXISTS(409, "Principal already exists"),
    /** The proposal's state does not allow the operation (decided already, or STALE and needing a rebase). */
    PROPOSAL_STATE_CONFLICT(409, "Proposal state conflict"),
    SCHEMA_REJECTED(422, "Schema rejected"),
    INCOMPATIBLE_CHANGE(409, "Incompatible change"),
    CONFLICT(409, "Conflict"),
    MALFORMED_REQUEST(400, "Malformed request"),
    /** Well-formed input that breaks a field rule (name pattern, length...); carries an {@code errors} list. */
    VALIDATION_FAILED(400, "Validation failed"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_FOUND(404, "Not found"),
    INTERNAL_ERROR(500, "Internal error"),
    // ---- data-flow ownership records (issue 5)
    SYSTEM_NOT_FOUND(404, "System not found"),
    FLOW_NOT_FOUND(404, "Flow not found"),
    /** A second AUTHORITATIVE system for an entity and scope, or a change leaving an entity without one. */
    OWNERSHIP_CONFLICT(409, "Ownership conflict"),
    /** An ownership import broke rules; {@code errors} lists every problem with its file and line. Nothing changed. */
    IMPORT_FAILED(422, "Import failed");

    /** Prefix shared by every problem type URI. */
    public static final String BASE_URI = "https://canonical-registry.org/problems/";

    private final int status;
    private final String title;
    private final URI type;

    ProblemType(int status, String title) {
        this.status = status;
        this.title = title;
        this.type = URI.create(BASE_URI + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }

    /** The HTTP status code (e.g. 404). */
    public int status() {
        return status;
    }

    /** Short, stable, human-readable summary, the same for every occurrence. */
    public String title() {
        return title;
    }

    /** The stable problem type URI, e.g. {@code https://canonical-registry.org/problems/entity-not-found}. */
    public URI type() {
        return type;
    }
}
