package org.canonicalregistry.registry.proposal;

import java.time.Instant;
import org.canonicalregistry.registry.audit.AuditedChange;

/**
 * An approved proposal's schema became a published version, in the transaction that completed its approvals.
 *
 * @param actor the principal whose approval completed the set
 * @param version the new version ({@code 2.4})
 * @param globalId its global id
 * @param schemaFingerprint the canonical schema's SHA-256
 */
public record ProposalPublished(long proposalId, String entity, String version, long globalId,
                                String schemaFingerprint, String actor, String beforeFingerprint,
                                String afterFingerprint, Instant occurredAt) implements AuditedChange {

    @Override
    public String action() {
        return "proposal.published";
    }

    @Override
    public String target() {
        return "proposal:" + proposalId;
    }
}
