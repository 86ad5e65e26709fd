package org.canonicalregistry.registry.proposal;

import java.time.ZoneOffset;
import java.util.List;
import org.canonicalregistry.registry.api.model.CompatibilityResult;
import org.canonicalregistry.registry.api.model.ProposalDecision;
import org.canonicalregistry.registry.api.model.ProposalHistoryEntry;
import org.canonicalregistry.registry.api.model.ProposalImpact;
import org.canonicalregistry.registry.api.model.ProposalSummary;
import org.canonicalregistry.registry.api.model.ProposalValidation;
import org.canonicalregistry.registry.api.model.VersionReference;
import tools.jackson.databind.json.JsonMapper;

/** Maps proposals to the contract's shapes; the generated models stop here. */
final class ProposalRepresentation {

    private ProposalRepresentation() {
    }

    static org.canonicalregistry.registry.api.model.Proposal toApi(ChangeProposal p, List<HistoryEntry> history,
                                                                   String url, JsonMapper json) {
        return new org.canonicalregistry.registry.api.model.Proposal()
                .id(p.id())
                .url(url)
                .entity(p.entity())
                .state(state(p.state()))
                .proposer(p.proposer())
                .summary(p.summary())
                .reason(p.reason())
                .targetMajor(p.targetMajor())
                .baseVersion(p.baseVersion())
                .proposedVersion(p.proposedVersion())
                .breaking(p.breaking())
                .fingerprint(p.fingerprint())
                .schema(json.readTree(p.canonicalJson()))
                .validation(new ProposalValidation(true, p.references().stream().map(ProposalRepresentation::reference).toList()))
                .verdict(p.verdictJson() == null ? null : json.readValue(p.verdictJson(), CompatibilityResult.class))
                .impact(new ProposalImpact(p.impact().stream().map(ProposalRepresentation::flow).toList()))
                .requiredApprovals(p.approvals().stream().map(ProposalRepresentation::approval).toList())
                .decisions(history.stream().filter(ProposalRepresentation::isDecision)
                        .map(ProposalRepresentation::decision).toList())
                .history(history.stream().map(ProposalRepresentation::entry).toList())
                .publishedVersion(p.publishedVersion())
                .publishedGlobalId(p.publishedGlobalId())
                .createdAt(p.createdAt().atOffset(ZoneOffset.UTC))
                .updatedAt(p.updatedAt().atOffset(ZoneOffset.UTC));
    }

    static ProposalSummary toSummary(ChangeProposal p) {
        List<String> awaiting = p.state() == ProposalState.OPEN
                ? p.outstanding().stream().map(RequiredApproval::description).toList() : List.of();
        return new ProposalSummary()
                .id(p.id())
                .entity(p.entity())
                .state(state(p.state()))
                .proposer(p.proposer())
                .summary(p.summary())
                .baseVersion(p.baseVersion())
                .proposedVersion(p.proposedVersion())
                .breaking(p.breaking())
                .publishedVersion(p.publishedVersion())
                .awaiting(awaiting)
                .createdAt(p.createdAt().atOffset(ZoneOffset.UTC))
                .updatedAt(p.updatedAt().atOffset(ZoneOffset.UTC));
    }

    static org.canonicalregistry.registry.api.model.ProposalState state(ProposalState state) {
        return org.canonicalregistry.registry.api.model.ProposalState.valueOf(state.name());
    }

    private static VersionReference reference(String coordinates) {
        int at = coordinates.indexOf('@');
        return new VersionReference(coordinates.substring(0, at), coordinates.substring(at + 1));
    }

    private static org.canonicalregistry.registry.api.model.ImpactedFlow flow(ImpactedFlow f) {
        return new org.canonicalregistry.registry.api.model.ImpactedFlow()
                .flowId(f.flowId())
                .name(f.name())
                .owner(f.owner())
                .pinnedMajor(f.pinnedMajor())
                .sourceSystem(f.sourceSystem())
                .targetSystem(f.targetSystem())
                .breaks(f.breaks());
    }

    private static org.canonicalregistry.registry.api.model.RequiredApproval approval(RequiredApproval a) {
        return new org.canonicalregistry.registry.api.model.RequiredApproval()
                .kind(org.canonicalregistry.registry.api.model.RequiredApproval.KindEnum.fromValue(a.kind().name()))
                .subject(a.subject())
                .description(a.description())
                .candidates(a.candidates())
                .satisfied(a.satisfied())
                .satisfiedBy(a.satisfiedBy())
                .satisfiedAsAdmin(a.satisfied() ? a.satisfiedAsAdmin() : null);
    }

    private static boolean isDecision(HistoryEntry e) {
        return e.action() == HistoryEntry.Action.APPROVED || e.action() == HistoryEntry.Action.REJECTED;
    }

    private static ProposalDecision decision(HistoryEntry e) {
        return new ProposalDecision()
                .principal(e.actor())
                .decision(ProposalDecision.DecisionEnum.fromValue(e.action().name()))
                .asAdmin(e.asAdmin())
                .comment(e.comment())
                .at(e.at().atOffset(ZoneOffset.UTC));
    }

    private static ProposalHistoryEntry entry(HistoryEntry e) {
        return new ProposalHistoryEntry()
                .at(e.at().atOffset(ZoneOffset.UTC))
                .actor(e.actor())
                .action(ProposalHistoryEntry.ActionEnum.fromValue(e.action().name()))
                .state(state(e.state()))
                .comment(e.comment());
    }
}
