package org.canonicalregistry.registry.proposal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A proposed schema for an entity with everything computed when it was opened (or last rebased): the base version,
 * the version it would become, the verdict document with witnesses, the impact and the approvals it needs.
 *
 * @param references the registry references its schema makes ({@code entity@M.m}), sorted
 * @param verdictJson the contract's {@code CompatibilityResult} against the base line; null for a first schema
 * @param publishedVersion {@code M.m} once PUBLISHED; null before
 */
public record ChangeProposal(long id, String entity, ProposalState state, String proposer, String summary,
                             String reason, Integer targetMajor, String baseVersion, int proposedMajor,
                             int proposedMinor, boolean breaking, String canonicalJson, String fingerprint,
                             List<String> references, String verdictJson, List<ImpactedFlow> impact,
                             List<RequiredApproval> approvals, Long publishedGlobalId, String publishedVersion,
                             Instant createdAt, Instant updatedAt) {

    public ChangeProposal {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(proposer, "proposer");
        Objects.requireNonNull(canonicalJson, "canonicalJson");
        references = List.copyOf(references);
        impact = List.copyOf(impact);
        approvals = List.copyOf(approvals);
    }

    /** {@code M.m} it becomes when published. */
    public String proposedVersion() {
        return proposedMajor + "." + proposedMinor;
    }

    /** Approvals still outstanding (none once every one is given). */
    public List<RequiredApproval> outstanding() {
        return approvals.stream().filter(a -> !a.satisfied()).toList();
    }

    ChangeProposal withState(ProposalState newState, Instant at) {
        return new ChangeProposal(id, entity, newState, proposer, summary, reason, targetMajor, baseVersion,
                proposedMajor, proposedMinor, breaking, canonicalJson, fingerprint, references, verdictJson, impact,
                approvals, publishedGlobalId, publishedVersion, createdAt, at);
    }

    ChangeProposal withApprovals(List<RequiredApproval> newApprovals, Instant at) {
        return new ChangeProposal(id, entity, state, proposer, summary, reason, targetMajor, baseVersion,
                proposedMajor, proposedMinor, breaking, canonicalJson, fingerprint, references, verdictJson, impact,
                newApprovals, publishedGlobalId, publishedVersion, createdAt, at);
    }

    ChangeProposal published(long globalId, String version, Instant at) {
        return new ChangeProposal(id, entity, ProposalState.PUBLISHED, proposer, summary, reason, targetMajor,
                baseVersion, proposedMajor, proposedMinor, breaking, canonicalJson, fingerprint, references,
                verdictJson, impact, approvals, globalId, version, createdAt, at);
    }

    ChangeProposal rebased(ProposalPlan plan, List<RequiredApproval> newApprovals, Instant at) {
        return new ChangeProposal(id, entity, ProposalState.OPEN, proposer, summary, reason, targetMajor,
                plan.baseVersion(), plan.proposedMajor(), plan.proposedMinor(), plan.breaking(), canonicalJson,
                fingerprint, references, plan.verdictJson(), plan.impact(), newApprovals, null, null, createdAt, at);
    }
}
