package org.canonicalregistry.registry.proposal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One approval a proposal needs before it can be published, and who gave it.
 *
 * @param kind whose approval this is
 * @param subject the entity name ({@link Kind#ENTITY_OWNER}) or the flow id ({@link Kind#FLOW_OWNER})
 * @param candidates who can give it as an owner, never including the proposer; empty means it waits for an ADMIN
 * @param satisfiedBy the principal who gave it; null while outstanding
 * @param satisfiedAsAdmin whether it was given by an ADMIN who is not among the candidates
 * @param satisfiedAt when; null while outstanding
 */
public record RequiredApproval(Kind kind, String subject, List<String> candidates, String satisfiedBy,
                               boolean satisfiedAsAdmin, Instant satisfiedAt) {

    /** Whose approval a proposal needs. */
    public enum Kind {
        /** An owner of the entity (or an ADMIN). */
        ENTITY_OWNER,
        /** The owner of a flow carrying the entity, for breaking changes (an ADMIN only if that owner proposed). */
        FLOW_OWNER
    }

    public RequiredApproval {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        candidates = List.copyOf(candidates);
    }

    static RequiredApproval outstanding(Kind kind, String subject, List<String> candidates) {
        return new RequiredApproval(kind, subject, candidates, null, false, null);
    }

    boolean satisfied() {
        return satisfiedBy != null;
    }

    RequiredApproval satisfy(String principal, boolean asAdmin, Instant at) {
        return new RequiredApproval(kind, subject, candidates, principal, asAdmin, at);
    }

    /** In words, for approvers and for problem details: {@code an owner of entity 'customer'}. */
    public String description() {
        return switch (kind) {
            case ENTITY_OWNER -> "an owner of entity '" + subject + "'"
                    + (candidates.isEmpty() ? " (none besides the proposer: an ADMIN)" : " " + candidates);
            case FLOW_OWNER -> "the owner of flow '" + subject + "'"
                    + (candidates.isEmpty() ? " (the proposer: an ADMIN instead)" : " " + candidates);
        };
    }
}
