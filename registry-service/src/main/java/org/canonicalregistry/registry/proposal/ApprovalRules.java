package org.canonicalregistry.registry.proposal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.canonicalregistry.registry.security.Principal;

/**
 * Who must approve a proposal, and whether an approval counts. Pure functions; the service applies them under locks.
 *
 * <ul>
 *   <li>Every proposal needs an owner of the entity who is not the proposer. When the proposer is the only owner, it
 *       waits for another owner or an ADMIN (recorded as an admin approval).</li>
 *   <li>A breaking proposal (a new major line) also needs the owner of every active flow it breaks (the flows pinned
 *       to the base major; see {@link FlowImpact}). An ADMIN
 *       stands in for a flow owner only where that owner is the proposer; otherwise flow owners speak for
 *       themselves.</li>
 *   <li>The proposer never counts, whatever their roles. One approval satisfies every outstanding approval its giver
 *       qualifies for.</li>
 * </ul>
 */
final class ApprovalRules {

    private ApprovalRules() {
    }

    static List<RequiredApproval> required(String entity, Set<String> entityOwners, String proposer, boolean breaking,
                                           List<ImpactedFlow> flows) {
        List<RequiredApproval> out = new ArrayList<>();
        Set<String> owners = new TreeSet<>(entityOwners);
        owners.remove(proposer);
        out.add(RequiredApproval.outstanding(RequiredApproval.Kind.ENTITY_OWNER, entity, List.copyOf(owners)));
        if (breaking) {
            Set<String> seen = new LinkedHashSet<>();
            for (ImpactedFlow flow : flows) {
                // Only the flows the new major actually breaks (pinned to the base major) need their owner.
                if (flow.breaks() && seen.add(flow.flowId())) {
                    List<String> candidates = flow.owner().equals(proposer) ? List.of() : List.of(flow.owner());
                    out.add(RequiredApproval.outstanding(RequiredApproval.Kind.FLOW_OWNER, flow.flowId(), candidates));
                }
            }
        }
        return out;
    }

    /** Whether {@code principal} could give {@code approval} (ignoring whether it is already given). */
    static boolean qualifies(RequiredApproval approval, Principal principal, String proposer) {
        if (principal.name().equals(proposer)) {
            return false;
        }
        if (approval.candidates().contains(principal.name())) {
            return true;
        }
        return principal.isAdmin()
                && (approval.kind() == RequiredApproval.Kind.ENTITY_OWNER || approval.candidates().isEmpty());
    }

    /** The outstanding approvals {@code principal} could give now: what "awaiting me" means. */
    static List<RequiredApproval> awaiting(List<RequiredApproval> approvals, Principal principal, String proposer) {
        return approvals.stream().filter(a -> !a.satisfied() && qualifies(a, principal, proposer)).toList();
    }

    /** Whether {@code principal} may reject: anyone who could approve some part of it. */
    static boolean mayDecide(List<RequiredApproval> approvals, Principal principal, String proposer) {
        return approvals.stream().anyMatch(a -> qualifies(a, principal, proposer));
    }

    /**
     * {@code approvals} with every outstanding one {@code principal} qualifies for given by them; unchanged when there is
     * none (the caller refuses such an approval).
     */
    static List<RequiredApproval> approve(List<RequiredApproval> approvals, Principal principal, String proposer,
                                          Instant at) {
        List<RequiredApproval> out = new ArrayList<>(approvals.size());
        for (RequiredApproval a : approvals) {
            if (!a.satisfied() && qualifies(a, principal, proposer)) {
                out.add(a.satisfy(principal.name(), !a.candidates().contains(principal.name()), at));
            } else {
                out.add(a);
            }
        }
        return out;
    }

    static boolean complete(List<RequiredApproval> approvals) {
        return approvals.stream().allMatch(RequiredApproval::satisfied);
    }
}
