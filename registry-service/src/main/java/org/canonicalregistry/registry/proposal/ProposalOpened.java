package org.canonicalregistry.registry.proposal;

import java.time.Instant;
import java.util.List;
import org.canonicalregistry.registry.audit.AuditedChange;

/**
 * A change proposal was opened. Published inside the opening transaction.
 *
 * @param proposalId the new proposal's id
 * @param entity the entity it changes
 * @param proposer principal name
 * @param summary one-line summary from the proposer
 * @param baseVersion the version it was diffed against ({@code 2.3}); null for an entity's first schema
 * @param breaking whether the change opens a new major line
 * @param requiredApprovers the approver groups, each a description such as {@code owner of entity 'customer'}
 * @param afterFingerprint fingerprint of the stored proposal
 */
public record ProposalOpened(long proposalId, String entity, String proposer, String summary, String baseVersion,
                             boolean breaking, List<String> requiredApprovers, String afterFingerprint,
                             Instant occurredAt) implements AuditedChange {

    public ProposalOpened {
        requiredApprovers = List.copyOf(requiredApprovers);
    }

    @Override
    public String actor() {
        return proposer;
    }

    @Override
    public String action() {
        return "proposal.opened";
    }

    @Override
    public String target() {
        return "proposal:" + proposalId;
    }

    @Override
    public String beforeFingerprint() {
        return null;
    }
}
