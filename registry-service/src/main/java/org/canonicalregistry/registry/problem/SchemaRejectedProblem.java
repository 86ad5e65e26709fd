package org.canonicalregistry.registry.problem;

import java.util.LinkedHashMap;
import java.util.Map;
import org.canonicalregistry.schema.SchemaRejectedException;

/**
 * A submitted schema or instance document failed schema-core's checks. Carries schema-core's reason
 * ({@code reason}: e.g. {@code UNKNOWN_REFERENCE}), {@code pointer} (where in the document) and {@code details}
 * as problem extensions, plus {@code limit} when a size or depth bound was hit.
 */
public class SchemaRejectedProblem extends RegistryException {

    private static final long serialVersionUID = 1L;

    private SchemaRejectedProblem(ProblemType type, String detail, Map<String, Object> extensions, SchemaRejectedException cause) {
        super(type, detail, extensions, cause);
    }

    /**
     * @param subject what was rejected, e.g. {@code "schema for entity 'customer'"}; used in the detail
     * @param limit the configured bound when the reason is TOO_LARGE or TOO_DEEP, else null
     * @param type {@link ProblemType#SCHEMA_REJECTED} for schemas, {@link ProblemType#MALFORMED_REQUEST} or
     *             {@link ProblemType#PAYLOAD_TOO_LARGE} for instance documents
     */
    /**
     * The limit a rejection hit, for the problem's {@code limit} member: {@code maxBytes} for
     * {@code TOO_LARGE}, {@code maxDepth} for {@code TOO_DEEP}, otherwise null (no limit was involved).
     */
    public static Integer limitHit(SchemaRejectedException e, int maxBytes, int maxDepth) {
        if (e.reason() == SchemaRejectedException.Reason.TOO_LARGE) {
            return maxBytes;
        }
        if (e.reason() == SchemaRejectedException.Reason.TOO_DEEP) {
            return maxDepth;
        }
        return null;
    }

    public static SchemaRejectedProblem of(ProblemType type, String subject, SchemaRejectedException e, Integer limit) {
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("reason", e.reason().name());
        ext.put("pointer", e.pointer() == null ? "" : e.pointer());
        ext.put("details", e.details());
        if (limit != null) {
            ext.put("limit", limit);
        }
        String at = e.pointer() == null || e.pointer().isEmpty() ? "" : " at " + e.pointer();
        return new SchemaRejectedProblem(type, subject + " rejected (" + e.reason() + at + "): " + e.getMessage(), ext, e);
    }
}
