package org.canonicalregistry.registry.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.canonicalregistry.registry.security.Principal;
import org.canonicalregistry.registry.security.Role;
import org.junit.jupiter.api.Test;

/** The approval rules hold for every owner set, flow set and sequence of approvers, not just the examples. */
class ApprovalRulesTest {

    static final List<String> PEOPLE = List.of("ann", "bob", "cat", "dan", "eve");

    record Case(Set<String> owners, String proposer, boolean breaking, List<ImpactedFlow> flows,
                List<Principal> approvers) {
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<String> person = Arbitraries.of(PEOPLE);
        Arbitrary<Principal> approver = Combinators.combine(person, Arbitraries.of(true, false))
                .as((name, admin) -> new Principal(name, name, null,
                        admin ? EnumSet.of(Role.ADMIN, Role.OWNER) : EnumSet.of(Role.OWNER)));
        Arbitrary<ImpactedFlow> flow = Combinators.combine(Arbitraries.of("f1", "f2", "f3"), person)
                .as((id, owner) -> new ImpactedFlow(id, id, owner, 1, "a", "b", true));
        return Combinators.combine(person.set().ofMinSize(1).ofMaxSize(3), person, Arbitraries.of(true, false),
                        flow.list().ofMaxSize(3), approver.list().ofMaxSize(8))
                .as(Case::new);
    }

    @Property
    void theProposerNeverSatisfiesAnApprovalWhateverTheirRoles(@ForAll("cases") Case c) {
        List<RequiredApproval> approvals = play(c);

        assertThat(approvals).noneMatch(a -> c.proposer().equals(a.satisfiedBy()));
        assertThat(approvals).allSatisfy(a -> assertThat(a.candidates()).doesNotContain(c.proposer()));
    }

    @Property
    void everyGivenApprovalCameFromSomeoneEntitledToGiveIt(@ForAll("cases") Case c) {
        for (RequiredApproval a : play(c)) {
            if (!a.satisfied()) {
                continue;
            }
            boolean owner = a.candidates().contains(a.satisfiedBy());
            assertThat(a.satisfiedAsAdmin()).isEqualTo(!owner);
            if (a.kind() == RequiredApproval.Kind.FLOW_OWNER && !owner) {
                // An ADMIN speaks for a flow owner only when that owner is the proposer.
                assertThat(a.candidates()).isEmpty();
            }
        }
    }

    @Property
    void aBreakingChangeNeedsEveryDistinctFlowAndACompatibleOneOnlyTheEntity(@ForAll("cases") Case c) {
        List<RequiredApproval> required = ApprovalRules.required("customer", c.owners(), c.proposer(), c.breaking(),
                c.flows());

        assertThat(required.get(0).kind()).isEqualTo(RequiredApproval.Kind.ENTITY_OWNER);
        long flows = c.breaking() ? c.flows().stream().map(ImpactedFlow::flowId).distinct().count() : 0;
        assertThat(required).hasSize(1 + (int) flows);
    }

    @Property
    void completeExactlyWhenEveryApprovalIsGiven(@ForAll("cases") Case c) {
        List<RequiredApproval> approvals = play(c);

        assertThat(ApprovalRules.complete(approvals)).isEqualTo(approvals.stream().allMatch(RequiredApproval::satisfied));
    }

    @Test
    void anOnlyOwnerWhoProposesWaitsForAnAdmin() {
        List<RequiredApproval> required = ApprovalRules.required("customer", Set.of("ann"), "ann", false, List.of());
        Principal otherOwner = new Principal("bob", "bob", null, EnumSet.of(Role.OWNER));
        Principal admin = new Principal("cat", "cat", null, EnumSet.of(Role.ADMIN));

        assertThat(required.get(0).candidates()).isEmpty();
        assertThat(ApprovalRules.awaiting(required, otherOwner, "ann")).isEmpty();
        List<RequiredApproval> after = ApprovalRules.approve(required, admin, "ann", Instant.EPOCH);
        assertThat(ApprovalRules.complete(after)).isTrue();
        assertThat(after.get(0).satisfiedAsAdmin()).isTrue();
    }

    /** Applies each approver in turn, as the service does (only when they can give something). */
    private static List<RequiredApproval> play(Case c) {
        List<RequiredApproval> approvals = new ArrayList<>(
                ApprovalRules.required("customer", c.owners(), c.proposer(), c.breaking(), c.flows()));
        for (Principal p : c.approvers()) {
            if (!ApprovalRules.awaiting(approvals, p, c.proposer()).isEmpty()) {
                approvals = new ArrayList<>(ApprovalRules.approve(approvals, p, c.proposer(), Instant.EPOCH));
            }
        }
        return approvals;
    }
}
