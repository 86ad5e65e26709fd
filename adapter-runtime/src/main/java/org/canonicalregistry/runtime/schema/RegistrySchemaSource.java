package org.canonicalregistry.runtime.schema;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.canonicalregistry.client.ApiClient;
import org.canonicalregistry.client.ApiException;
import org.canonicalregistry.client.api.CompatibilityApi;
import org.canonicalregistry.client.api.SchemasApi;
import org.canonicalregistry.client.model.CompatibilityCheckRequest;
import org.canonicalregistry.client.model.CompatibilityMode;
import org.canonicalregistry.client.model.CompatibilityPolicy;
import org.canonicalregistry.client.model.CompatibilityResult;
import org.canonicalregistry.client.model.SchemaVersion;
import org.canonicalregistry.client.model.VersionReference;
import org.canonicalregistry.schema.SchemaReference;

/**
 * The registry over its REST API, through the generated client: {@code GET /api/v1/entities/{name}/versions/{v}},
 * {@code GET /api/v1/schemas/{globalId}}, {@code .../versions/{M}.latest} and the stateless
 * {@code POST /api/v1/compatibility/check} in FORWARD mode for reader/writer verdicts.
 *
 * <p>A 404 is a definitive "not found"; a timeout, refused connection, 5xx or any other failure is a
 * {@link SchemaUnavailableException}. Wrap in {@link ResilientSchemaSource} for retries and a circuit breaker.
 * Thread-safe.
 */
public final class RegistrySchemaSource implements SchemaSource {

  private final SchemasApi schemas;
  private final CompatibilityApi compatibility;
  private final URI baseUri;

  private RegistrySchemaSource(Builder b) {
    ApiClient client = new ApiClient();
    client.updateBaseUri(b.baseUri.toString().replaceAll("/+$", ""));
    client.setHttpClientBuilder(ApiClient.createDefaultHttpClientBuilder().connectTimeout(b.timeout));
    client.setConnectTimeout(b.timeout);
    client.setReadTimeout(b.timeout);
    if (b.token != null) {
      String header = "Bearer " + b.token;
      client.setRequestInterceptor(request -> request.header("Authorization", header));
    }
    this.schemas = new SchemasApi(client);
    this.compatibility = new CompatibilityApi(client);
    this.baseUri = b.baseUri;
  }

  /** @param baseUri the registry's root, e.g. {@code http://registry:8080} */
  public static Builder builder(URI baseUri) {
    return new Builder(baseUri);
  }

  @Override
  public Optional<SchemaDescriptor> version(String entity, int major, int minor) {
    return get(() -> schemas.getSchemaVersion(entity, major + "." + minor), entity + "@" + major + "." + minor);
  }

  @Override
  public Optional<SchemaDescriptor> byId(long globalId) {
    return get(() -> schemas.getSchemaById(globalId), "schema " + globalId);
  }

  @Override
  public Optional<SchemaDescriptor> latest(String entity, int major) {
    return get(() -> schemas.getSchemaVersion(entity, major + ".latest"), entity + "@" + major + ".latest");
  }

  @Override
  public boolean forwardCompatible(SchemaDescriptor reader, SchemaDescriptor writer) {
    CompatibilityCheckRequest request = new CompatibilityCheckRequest()
        .old(reader.schema())
        .candidate(writer.schema())
        .mode(CompatibilityMode.FORWARD)
        .policy(CompatibilityPolicy.STRICT);
    try {
      CompatibilityResult result = compatibility.checkCompatibility(request);
      return Boolean.TRUE.equals(result.getCompatible());
    } catch (ApiException e) {
      throw unavailable("compatibility of " + writer.label() + " for readers of " + reader.label(), e);
    } catch (RuntimeException e) {
      throw new SchemaUnavailableException("registry at " + baseUri + " failed on a compatibility check: " + e, e);
    }
  }

  @Override
  public String name() {
    return "registry";
  }

  @FunctionalInterface
  private interface Call {
    SchemaVersion run() throws ApiException;
  }

  private Optional<SchemaDescriptor> get(Call call, String what) {
    try {
      return Optional.of(descriptor(call.run()));
    } catch (ApiException e) {
      if (e.getCode() == 404) {
        return Optional.empty();
      }
      throw unavailable(what, e);
    } catch (RuntimeException e) {
      // The generated client wraps I/O trouble in unchecked exceptions in some paths; never treat it as an answer.
      throw new SchemaUnavailableException("registry at " + baseUri + " failed reading " + what + ": " + e, e);
    }
  }

  private SchemaUnavailableException unavailable(String what, ApiException e) {
    String status = e.getCode() == 0 ? "no response (" + rootMessage(e) + ")" : "HTTP " + e.getCode();
    return new SchemaUnavailableException("registry at " + baseUri + " could not serve " + what + ": " + status, e);
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
  }

  static SchemaDescriptor descriptor(SchemaVersion v) {
    List<SchemaReference> refs = new ArrayList<>();
    if (v.getReferences() != null) {
      for (VersionReference r : v.getReferences()) {
        String[] parts = r.getVersion().split("\\.");
        refs.add(new SchemaReference(r.getEntity(), Integer.parseInt(parts[0]), Integer.parseInt(parts[1])));
      }
    }
    return new SchemaDescriptor(v.getEntity(), v.getMajor(), v.getMinor(), v.getGlobalId(), v.getFingerprint(),
        VersionState.valueOf(v.getState().getValue()), v.getSunsetDate(), refs, v.getSchema());
  }

  /** Collects settings; not thread-safe. */
  public static final class Builder {
    private final URI baseUri;
    private Duration timeout = Duration.ofSeconds(2);
    private String token;

    private Builder(URI baseUri) {
      this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
    }

    /** Connect and per-request timeout; default 2 s. */
    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** Bearer token (an ADAPTER principal's); reads may need none. */
    public Builder token(String token) {
      this.token = token;
      return this;
    }

    public RegistrySchemaSource build() {
      return new RegistrySchemaSource(this);
    }
  }
}
