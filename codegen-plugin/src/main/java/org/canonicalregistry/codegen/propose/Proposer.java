package org.canonicalregistry.codegen.propose;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.canonicalregistry.client.ApiClient;
import org.canonicalregistry.client.ApiException;
import org.canonicalregistry.client.model.SchemaVersion;
import org.canonicalregistry.codegen.check.SchemaCheck;
import org.canonicalregistry.codegen.generator.CodegenException;
import org.canonicalregistry.codegen.generator.SchemaSource;
import org.canonicalregistry.codegen.registry.RegistryGateway;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Submits changed local schemas as change proposals ({@code POST /api/v1/entities/{name}/proposals}). Idempotent: a
 * schema whose fingerprint equals the entity's latest version is not sent; the registry answers an identical open
 * proposal with that proposal (200) and content equal to an older version with 409, both reported, neither an error.
 *
 * <p>The call goes through the generated client's transport, base URL and bearer-token interceptor. It is written
 * against the proposals contract (CONTRACT.md); once the spec carries the operation, the generated
 * {@code ProposalsApi} replaces {@link #post}.
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

  /** The request body of the proposals contract: schema, summary, optional reason and targetMajor. */
  ObjectNode request(SchemaSource s, String summary, String reason) {
    ObjectNode body = mapper().createObjectNode();
    body.set("schema", s.schema().json());
    body.put("summary", summary);
    if (reason != null && !reason.isBlank()) {
      body.put("reason", reason);
    }
    JsonNode major = s.schema().json().get(SchemaCheck.MAJOR_KEYWORD);
    if (major != null && major.canConvertToInt()) {
      body.put("targetMajor", major.asInt());
    }
    return body;
  }

  private ProposalOutcome post(SchemaSource s, ObjectNode body) {
    ApiClient client = registry.client();
    String path = "/api/v1/entities/" + s.entity() + "/proposals";
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client.getBaseUri() + path))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(mapper().writeValueAsString(body), StandardCharsets.UTF_8));
    if (client.getReadTimeout() != null) {
      request.timeout(client.getReadTimeout());
    }
    if (client.getRequestInterceptor() != null) {
      client.getRequestInterceptor().accept(request);
    }
    HttpResponse<String> response;
    try {
      response = client.getHttpClient().send(request.build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw registry.failure("proposing " + s.entity(), new ApiException(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CodegenException("interrupted while proposing " + s.entity(), e);
    }
    int status = response.statusCode();
    if (status == 201 || status == 200) {
      JsonNode p = mapper().readTree(response.body());
      List<String> waiting = new ArrayList<>();
      for (JsonNode a : p.path("requiredApprovals")) {
        boolean satisfied = a.path("satisfied").asBoolean(false) || a.hasNonNull("satisfiedBy");
        if (!satisfied) {
          List<String> candidates = new ArrayList<>();
          a.path("candidates").forEach(c -> candidates.add(c.asString()));
          // No candidate means only an ADMIN can give it (the proposer never counts).
          waiting.add(a.path("description").asString(a.path("kind").asString()) + (candidates.isEmpty()
              ? " (an ADMIN)" : " (" + String.join(", ", candidates) + ")"));
        }
      }
      return new ProposalOutcome(s.entity(), status == 201 ? ProposalOutcome.Kind.OPENED
          : ProposalOutcome.Kind.ALREADY_OPEN, p.path("proposedVersion").asString(null),
          p.path("url").asString(null), p.path("breaking").asBoolean(false), waiting);
    }
    if (status == 409) {
      JsonNode problem = readOrNull(response.body());
      if (problem != null && problem.hasNonNull("version")) {
        return new ProposalOutcome(s.entity(), ProposalOutcome.Kind.UNCHANGED, problem.get("version").asString(),
            null, false, List.of());
      }
    }
    throw registry.failure("proposing " + s.entity(), new ApiException(status, "proposal refused",
        response.headers(), response.body()));
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
