package org.canonicalregistry.registry.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.canonicalregistry.registry.compatibility.CompatibilityJudge;
import org.canonicalregistry.registry.proposal.ChangeProposal;
import org.canonicalregistry.registry.proposal.HistoryEntry;
import org.canonicalregistry.registry.proposal.ProposalService;
import org.canonicalregistry.registry.proposal.ProposalState;
import org.canonicalregistry.registry.proposal.RequiredApproval;
import org.canonicalregistry.registry.schema.SchemaVersion;
import org.canonicalregistry.registry.schema.SchemaVersionService;
import org.canonicalregistry.registry.schema.VersionSelector;
import org.canonicalregistry.registry.security.CurrentPrincipal;
import org.canonicalregistry.registry.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One proposal, laid out for a decision in under a minute: what changes (typed changes, each linked to its line in a
 * side-by-side diff), whether it breaks anyone (the verdict and its witness messages), who is affected (the impact
 * table) and what is still needed (the approvals). The decision forms post to the same {@link ProposalService}
 * methods the API calls, with the signed-in principal; the buttons are disabled with the reason when the service
 * would refuse, and the service refuses a forged request anyway.
 */
@Controller
class ProposalPage {

    private final ProposalService proposals;
    private final SchemaVersionService versions;
    private final CurrentPrincipal current;
    private final JsonMapper json;

    ProposalPage(ProposalService proposals, SchemaVersionService versions, CurrentPrincipal current, JsonMapper json) {
        this.proposals = proposals;
        this.versions = versions;
        this.current = current;
        this.json = json;
    }

    /** A typed change as the page shows it; {@code row} is its first line in the diff, or -1. */
    public record ChangeRow(String type, String pointer, String against, String breaks, boolean breaking, String message,
                     int row) {
    }

    /** A witness message: {@code instance} pretty-printed, the labels in the owners' words. */
    public record WitnessRow(String changeType, String pointer, String instance, String acceptedBy, String rejectedBy,
                      String description) {
    }

    /** Whether a decision button is enabled for me, and if not, why not (shown next to it). */
    public record Decision(boolean allowed, String reason) {
        static Decision yes() {
            return new Decision(true, null);
        }

        static Decision no(String reason) {
            return new Decision(false, reason);
        }
    }

    @GetMapping("/proposals/{id}")
    String proposal(@PathVariable long id, Model model) {
        ChangeProposal p = proposals.get(id);
        Principal me = current.find().orElse(null);
        List<HistoryEntry> history = proposals.history(id);
        Optional<SchemaVersion> base = baseOf(p);
        SideBySideDiff diff = SideBySideDiff.of(base.map(SchemaVersion::canonicalJson).orElse(null), p.canonicalJson());
        JsonNode verdict = p.verdictJson() == null ? null : json.readTree(p.verdictJson());

        model.addAttribute("p", p);
        model.addAttribute("history", history);
        model.addAttribute("base", base.orElse(null));
        model.addAttribute("diff", diff);
        model.addAttribute("verdict", verdict == null ? null : new Verdict(verdict.path("compatible").asBoolean(),
                verdict.path("mode").asString(), verdict.path("policy").asString()));
        model.addAttribute("changes", changes(verdict, diff));
        model.addAttribute("witnesses", witnesses(verdict, p));
        // Approve and Reject are open to the same people: one decision for both buttons.
        model.addAttribute("decision", approval(p, me));
        model.addAttribute("withdraw", withdrawal(p, me));
        model.addAttribute("rebase", rebasing(p, me));
        return "console/proposal";
    }

    /** The verdict's headline, for the badge. */
    public record Verdict(boolean compatible, String mode, String policy) {
    }

    @PostMapping("/proposals/{id}/{decision:approve|reject|withdraw|rebase}")
    String decide(@PathVariable long id, @PathVariable String decision,
                  @RequestParam(name = "comment", required = false) String comment, RedirectAttributes redirect) {
        Principal me = current.require();
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        ChangeProposal after = switch (decision) {
            case "approve" -> proposals.approve(me, id, text);
            case "reject" -> proposals.reject(me, id, text);
            case "withdraw" -> proposals.withdraw(me, id, text);
            default -> proposals.rebase(me, id, text);
        };
        redirect.addFlashAttribute("notice", switch (after.state()) {
            case PUBLISHED -> "Approved. Version " + after.publishedVersion() + " of " + after.entity()
                    + " is published.";
            case OPEN -> "rebase".equals(decision)
                    ? "Rebased on " + (after.baseVersion() == null ? "nothing" : after.baseVersion())
                    + "; earlier approvals no longer count."
                    : "Your approval is recorded; " + after.outstanding().size() + " more needed.";
            case REJECTED -> "Rejected. The proposer sees your comment.";
            case WITHDRAWN -> "Withdrawn.";
            default -> "Recorded: the proposal is now " + after.state() + ".";
        });
        return "redirect:/proposals/" + id;
    }

    private Optional<SchemaVersion> baseOf(ChangeProposal p) {
        return p.baseVersion() == null ? Optional.empty()
                : versions.find(p.entity(), VersionSelector.parse(p.baseVersion()));
    }

    static List<ChangeRow> changes(JsonNode verdict, SideBySideDiff diff) {
        List<ChangeRow> out = new ArrayList<>();
        if (verdict == null) {
            return out;
        }
        for (JsonNode c : verdict.path("changes")) {
            String pointer = text(c.path("newPointer"));
            if (pointer == null) {
                pointer = text(c.path("oldPointer"));
            }
            out.add(new ChangeRow(c.path("type").asString(), pointer, text(c.path("against")),
                    text(c.path("breaks")), c.path("breaking").asBoolean(), c.path("message").asString(),
                    pointer == null ? -1 : diff.rowOf(pointer)));
        }
        return out;
    }

    List<WitnessRow> witnesses(JsonNode verdict, ChangeProposal p) {
        List<WitnessRow> out = new ArrayList<>();
        if (verdict == null) {
            return out;
        }
        for (JsonNode w : verdict.path("witnesses")) {
            out.add(new WitnessRow(w.path("changeType").asString(), text(w.path("pointer")),
                    json.writerWithDefaultPrettyPrinter().writeValueAsString(w.path("instance")),
                    label(w.path("acceptedBy").asString(), p), label(w.path("rejectedBy").asString(), p),
                    text(w.path("description"))));
        }
        return out;
    }

    /** The verdict names the proposed schema {@code proposed}; versions stay as they are ({@code 2.3}). */
    static String label(String label, ChangeProposal p) {
        return CompatibilityJudge.PROPOSED.equals(label) ? label + " " + p.proposedVersion() : label;
    }

    private static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : node.asString();
    }

    Decision approval(ChangeProposal p, Principal me) {
        if (me == null) {
            return Decision.no("Sign in to decide.");
        }
        if (p.state() != ProposalState.OPEN) {
            return Decision.no("The proposal is " + p.state().name().toLowerCase() + ".");
        }
        if (me.name().equals(p.proposer())) {
            return Decision.no("You proposed this change; nobody approves their own change. It needs "
                    + describe(p.outstanding()) + ".");
        }
        if (proposals.awaiting(p, me).isEmpty()) {
            return Decision.no("You are not among the approvers it still needs: " + describe(p.outstanding())
                    + ".");
        }
        return Decision.yes();
    }

    static Decision withdrawal(ChangeProposal p, Principal me) {
        if (me == null) {
            return Decision.no("Sign in first.");
        }
        if (p.state() != ProposalState.OPEN && p.state() != ProposalState.STALE) {
            return Decision.no("The proposal is " + p.state().name().toLowerCase() + ".");
        }
        if (!me.name().equals(p.proposer()) && !me.isAdmin()) {
            return Decision.no("Only its proposer or an ADMIN may withdraw it.");
        }
        return Decision.yes();
    }

    static Decision rebasing(ChangeProposal p, Principal me) {
        if (p.state() != ProposalState.STALE) {
            return Decision.no("Only a stale proposal is rebased.");
        }
        return me == null ? Decision.no("Sign in first.") : Decision.yes();
    }

    private static String describe(List<RequiredApproval> outstanding) {
        if (outstanding.isEmpty()) {
            return "no further approval";
        }
        return String.join("; ", outstanding.stream().map(RequiredApproval::description).toList());
    }
}
