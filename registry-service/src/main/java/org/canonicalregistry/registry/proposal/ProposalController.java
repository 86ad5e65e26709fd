package org.canonicalregistry.registry.proposal;

import java.net.URI;
import java.util.List;
import org.canonicalregistry.registry.api.ProposalsApi;
import org.canonicalregistry.registry.api.model.DecisionRequest;
import org.canonicalregistry.registry.api.model.Proposal;
import org.canonicalregistry.registry.api.model.ProposalRequest;
import org.canonicalregistry.registry.api.model.ProposalSummary;
import org.canonicalregistry.registry.problem.InvalidField;
import org.canonicalregistry.registry.problem.RegistryException;
import org.canonicalregistry.registry.security.CurrentPrincipal;
import org.canonicalregistry.registry.security.Principal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/** {@code /api/v1/entities/{name}/proposals} and {@code /api/v1/proposals…}: the governance workflow over HTTP. */
@RestController
class ProposalController implements ProposalsApi {

    private final ProposalService proposals;
    private final CurrentPrincipal principal;
    private final JsonMapper json;

    ProposalController(ProposalService proposals, CurrentPrincipal principal, JsonMapper json) {
        this.proposals = proposals;
        this.principal = principal;
        this.json = json;
    }

    @Override
    public ResponseEntity<Proposal> openProposal(String name, ProposalRequest request) {
        OpenedProposal result = proposals.open(principal.require(), name, request.getSchema(), request.getSummary(),
                request.getReason(), request.getTargetMajor());
        Proposal body = full(result.proposal());
        if (result instanceof OpenedProposal.Opened) {
            return ResponseEntity.created(URI.create(body.getUrl())).body(body);
        }
        return ResponseEntity.ok(body);
    }

    @Override
    public ResponseEntity<List<ProposalSummary>> listProposals(
            org.canonicalregistry.registry.api.model.ProposalState state, String entity, String awaiting,
            Integer limit) {
        Principal inboxOf = null;
        if (awaiting != null) {
            if (!awaiting.equals("me")) {
                throw RegistryException.validationFailed(List.of(new InvalidField("/awaiting",
                        "must be 'me', was " + RegistryException.quoted(awaiting))));
            }
            inboxOf = principal.require();
        }
        ProposalState filter = state == null ? null : ProposalState.valueOf(state.name());
        return ResponseEntity.ok(proposals.list(filter, entity, inboxOf, limit == null ? 100 : limit).stream()
                .map(ProposalRepresentation::toSummary).toList());
    }

    @Override
    public ResponseEntity<Proposal> getProposal(Long id) {
        return ResponseEntity.ok(full(proposals.get(id)));
    }

    @Override
    public ResponseEntity<Proposal> approveProposal(Long id, DecisionRequest request) {
        return ResponseEntity.ok(full(proposals.approve(principal.require(), id, comment(request))));
    }

    @Override
    public ResponseEntity<Proposal> rejectProposal(Long id, DecisionRequest request) {
        return ResponseEntity.ok(full(proposals.reject(principal.require(), id, comment(request))));
    }

    @Override
    public ResponseEntity<Proposal> withdrawProposal(Long id, DecisionRequest request) {
        return ResponseEntity.ok(full(proposals.withdraw(principal.require(), id, comment(request))));
    }

    @Override
    public ResponseEntity<Proposal> rebaseProposal(Long id, DecisionRequest request) {
        return ResponseEntity.ok(full(proposals.rebase(principal.require(), id, comment(request))));
    }

    private Proposal full(ChangeProposal p) {
        String url = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/v1/proposals/{id}").buildAndExpand(p.id()).toUriString();
        return ProposalRepresentation.toApi(p, proposals.history(p.id()), url, json);
    }

    private static String comment(DecisionRequest request) {
        return request == null ? null : request.getComment();
    }
}
