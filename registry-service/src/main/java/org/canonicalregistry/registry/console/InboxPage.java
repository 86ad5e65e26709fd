package org.canonicalregistry.registry.console;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.canonicalregistry.registry.proposal.ChangeProposal;
import org.canonicalregistry.registry.proposal.ProposalService;
import org.canonicalregistry.registry.proposal.ProposalState;
import org.canonicalregistry.registry.security.CurrentPrincipal;
import org.canonicalregistry.registry.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page: what awaits my decision first, then my own open proposals, then the recent decisions. The
 * "awaiting me" list is the service's own inbox query, the one that decides whether my approval would count.
 */
@Controller
class InboxPage {

    static final int RECENT = 15;

    private final ProposalService proposals;
    private final CurrentPrincipal current;

    InboxPage(ProposalService proposals, CurrentPrincipal current) {
        this.proposals = proposals;
        this.current = current;
    }

    @GetMapping("/")
    String inbox(Model model) {
        Principal me = current.find().orElse(null);
        List<ChangeProposal> awaiting = me == null ? List.of() : proposals.list(ProposalState.OPEN, null, me, 100);
        List<ChangeProposal> mine = me == null ? List.of()
                : Stream.of(ProposalState.OPEN, ProposalState.STALE, ProposalState.APPROVED)
                        .flatMap(s -> proposals.list(s, null, null, 500).stream())
                        .filter(p -> p.proposer().equals(me.name()))
                        .sorted(Comparator.comparing(ChangeProposal::updatedAt).reversed()).toList();
        List<ChangeProposal> decided = Stream.of(ProposalState.PUBLISHED, ProposalState.REJECTED,
                        ProposalState.WITHDRAWN)
                .flatMap(s -> proposals.list(s, null, null, RECENT).stream())
                .sorted(Comparator.comparing(ChangeProposal::updatedAt).reversed()).limit(RECENT).toList();
        List<ChangeProposal> open = me != null ? List.of() : proposals.list(ProposalState.OPEN, null, null, 100);
        model.addAttribute("awaiting", awaiting);
        model.addAttribute("mine", mine);
        model.addAttribute("decided", decided);
        model.addAttribute("open", open);
        model.addAttribute("headline", headline(me, awaiting.size()));
        return "console/inbox";
    }

    static String headline(Principal me, int awaiting) {
        if (me == null) {
            return "Sign in to see the changes that await your decision.";
        }
        return switch (awaiting) {
            case 0 -> "Nothing awaits your decision.";
            case 1 -> "1 change awaits your decision.";
            default -> awaiting + " changes await your decision.";
        };
    }
}
