package org.canonicalregistry.codegen.propose;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.canonicalregistry.client.ApiException;
import org.canonicalregistry.client.ApiResponse;
import org.canonicalregistry.client.api.ProposalsApi;
import org.canonicalregistry.client.model.Proposal;
import org.canonicalregistry.client.model.ProposalRequest;
import org.canonicalregistry.client.model.RequiredApproval;
import org.canonicalregistry.client.model.SchemaVersion;
import org.canonicalregistry.codegen.check.SchemaCheck;
import org.canonicalregistry.codegen.generator.CodegenException;
import org.canonicalregistry.codegen.generator.SchemaSource;
import org.canonicalregistry.codegen.registry.RegistryGateway;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Submits changed local schemas as change proposals ({@code POST /api/v1/entities/{name}/proposals}). Idempotent: a
 * schema whose fingerprint equals the entity's latest version is not sent; the registry answers an identical open
 * proposal with that proposal (200) and content equal to an older version with 409, both reported, neither an error.
 *
 * <p>The call is the generated client's {@code ProposalsApi.openProposal}, with the bearer token the gateway sends.
 */
public final class Proposer {

  private final RegistryGateway registry;

  public Proposer(RegistryGateway registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /**
   * @param local   the local schemas
   * @param summary one line for every proposal
   * @param reason  why, may be null
   */
  public List<ProposalOutcome> propose(List<SchemaSource> local, String summary, String reason) {
    List<ProposalOutcome> out = new ArrayList<>();
    for (SchemaSource s : local) {
      Optional<SchemaVersion> latest = registry.findVersion(s.entity(), "latest");
      if (latest.isPresent() && latest.get().getFingerprint().equals(s.schema().fingerprint())) {
        out.add(new ProposalOutcome(s.entity(), ProposalOutcome.Kind.UNCHANGED, latest.get().getVersion(), null,
            false, List.of()));
        continue;
      }
      out.add(post(s, request(s, summary, reason)));
    }
    return out;
  }

  /** The request: schema, summary, optional reason, and targetMajor when the schema declares a new major. */
  ProposalRequest request(SchemaSource s, String summary, String reason) {
    ProposalRequest body = new ProposalRequest().schema(s.schema().json()).summary(summary);
    if (reason != null && !reason.isBlank()) {
      body.reason(reason);
    }
    JsonNode major = s.schema().json().get(SchemaCheck.MAJOR_KEYWORD);
    if (major != null && major.canConvertToInt()) {
      body.targetMajor(major.asInt());
    }
    return body;
  }

  private ProposalOutcome post(SchemaSource s, ProposalRequest body) {
    ApiResponse<Proposal> response;
    try {
      response = new ProposalsApi(registry.client()).openProposalWithHttpInfo(s.entity(), body);
    } catch (ApiException e) {
      if (e.getCode() == 409) {
        // Content identical to an existing version: nothing to propose (idempotent), not an error.
        JsonNode problem = readOrNull(e.getResponseBody());
        if (problem != null && problem.hasNonNull("version")) {
          return new ProposalOutcome(s.entity(), ProposalOutcome.Kind.UNCHANGED, problem.get("version").asString(),
              null, false, List.of());
        }
      }
      throw registry.failure("proposing " + s.entity(), e);
    }
    Proposal p = response.getData();
    List<String> waiting = new ArrayList<>();
    for (RequiredApproval a : p.getRequiredApprovals()) {
      if (!Boolean.TRUE.equals(a.getSatisfied()) && a.getSatisfiedBy() == null) {
        // No candidate means only an ADMIN can give it (the proposer never counts).
        List<String> candidates = a.getCandidates() == null ? List.of() : a.getCandidates();
        String who = candidates.isEmpty() ? " (an ADMIN)"
            : candidates.stream().allMatch(a.getDescription()::contains) ? "" // the description names them already
            : " (" + String.join(", ", candidates) + ")";
        waiting.add(a.getDescription() + who);
      }
    }
    return new ProposalOutcome(s.entity(), response.getStatusCode() == 201 ? ProposalOutcome.Kind.OPENED
        : ProposalOutcome.Kind.ALREADY_OPEN, p.getProposedVersion(), p.getUrl(), Boolean.TRUE.equals(p.getBreaking()),
        waiting);
  }

  private JsonNode readOrNull(String body) {
    try {
      return mapper().readTree(body);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private ObjectMapper mapper() {
    return registry.client().getObjectMapper();
  }
}
