package org.canonicalregistry.codegen.registry;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.canonicalregistry.client.ApiClient;
import org.canonicalregistry.client.ApiException;
import org.canonicalregistry.client.Problems;
import org.canonicalregistry.client.api.CompatibilityApi;
import org.canonicalregistry.client.api.SchemasApi;
import org.canonicalregistry.client.model.CompatibilityResult;
import org.canonicalregistry.client.model.EntityCompatibilityRequest;
import org.canonicalregistry.client.model.ProblemDetails;
import org.canonicalregistry.client.model.SchemaVersion;
import org.canonicalregistry.codegen.generator.CodegenException;
import tools.jackson.databind.JsonNode;

/**
 * The registry as the plugin's goals see it, through the client generated from the registry's contract. Every
 * failure becomes a {@link CodegenException} naming the registry URL and what was asked: an unreachable registry,
 * an unknown entity or version (the registry's problem detail is quoted), a refused token.
 *
 * <p>Thread-safe (the generated client is). The token, when given, is sent as {@code Authorization: Bearer}; it
 * comes from {@code settings.xml} or the environment, never from the POM.
 */
public final class RegistryGateway {

  private final URI url;
  private final ApiClient client;

  /**
   * @param url     the registry's base URL, e.g. {@code http://localhost:8080}
   * @param token   bearer token, or empty for open reads
   * @param timeout connect and read timeout
   */
  public RegistryGateway(URI url, Optional<String> token, Duration timeout) {
    this.url = Objects.requireNonNull(url, "url");
    this.client = new ApiClient(HttpClient.newBuilder().connectTimeout(timeout), ApiClient.createDefaultObjectMapper(),
        url.toString().replaceAll("/+$", ""));
    this.client.setReadTimeout(timeout);
    token.ifPresent(t -> client.setRequestInterceptor(b -> b.header("Authorization", "Bearer " + t)));
  }

  /** @return the base URL, for messages */
  public URI url() {
    return url;
  }

  /** The generated client, for operations this class does not wrap yet. */
  public ApiClient client() {
    return client;
  }

  /**
   * @param entity   entity name
   * @param selector {@code MAJOR.MINOR}, {@code MAJOR.latest} or {@code latest}
   */
  public SchemaVersion version(String entity, String selector) {
    try {
      return new SchemasApi(client).getSchemaVersion(entity, selector);
    } catch (ApiException e) {
      throw failure("reading " + entity + "@" + selector, e);
    }
  }

  /** Like {@link #version} but empty when the registry answers 404 (unknown entity or version). */
  public Optional<SchemaVersion> findVersion(String entity, String selector) {
    try {
      return Optional.of(new SchemasApi(client).getSchemaVersion(entity, selector));
    } catch (ApiException e) {
      if (e.getCode() == 404) {
        return Optional.empty();
      }
      throw failure("reading " + entity + "@" + selector, e);
    }
  }

  /** The registry's own compatibility check of a candidate against the entity's versions; nothing is stored. */
  public CompatibilityResult checkEntity(String entity, JsonNode schema, boolean newMajor) {
    try {
      return new CompatibilityApi(client).checkEntityCompatibility(entity,
          new EntityCompatibilityRequest().schema(schema).newMajor(newMajor));
    } catch (ApiException e) {
      throw failure("checking the compatibility of " + entity, e);
    }
  }

  /** Turns a failed call into a message naming the URL, the request and the registry's problem. */
  public CodegenException failure(String what, ApiException e) {
    if (e.getCode() == 0) {
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      String reason = root.getMessage() == null ? root.getClass().getSimpleName() : root.getClass().getSimpleName()
          + ": " + root.getMessage();
      return new CodegenException("registry " + url + " is unreachable (" + reason + ") while " + what
          + "; check canonical.registryUrl and that the registry runs", e);
    }
    Optional<ProblemDetails> problem = Problems.from(e);
    String detail = problem.map(p -> p.getTitle() + (p.getDetail() == null ? "" : ": " + p.getDetail()))
        .orElse(e.getResponseBody() == null ? "" : e.getResponseBody());
    String hint = e.getCode() == 401 || e.getCode() == 403
        ? " (the token comes from settings.xml <server> canonical.serverId or the CANONICAL_REGISTRY_TOKEN variable)"
        : "";
    return new CodegenException("registry " + url + " answered " + e.getCode() + " while " + what + ": " + detail
        + hint, e);
  }
}
