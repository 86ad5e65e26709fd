package org.canonicalregistry.client;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.canonicalregistry.client.model.ProblemDetails;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads the RFC 9457 problem document ({@code application/problem+json}) that the registry sends with every
 * 4xx/5xx answer, out of the {@link ApiException} the generated client throws.
 *
 * <p>The generated client only keeps the status, headers and raw body; callers branch on the problem's
 * {@code type} URI (e.g. {@code https://canonical-registry.org/problems/incompatible-change}), never on the
 * message text. Stateless and thread-safe.
 */
public final class Problems {

  private static final String PROBLEM_JSON = "application/problem+json";
  private static final ObjectMapper MAPPER = ApiClient.createDefaultObjectMapper();

  private Problems() {}

  /**
   * The problem document a failed call carried.
   *
   * @param failure what the generated client threw; must not be null
   * @return the parsed problem, or empty when the response was not {@code application/problem+json} or had no
   *     parsable body (a transport failure, a {@code 304}, a proxy's HTML error page)
   * @throws NullPointerException if {@code failure} is null
   */
  public static Optional<ProblemDetails> from(ApiException failure) {
    Objects.requireNonNull(failure, "failure");
    String body = failure.getResponseBody();
    if (failure.getResponseHeaders() == null || body == null || body.isBlank()) {
      return Optional.empty();
    }
    boolean problemJson = failure.getResponseHeaders().firstValue("Content-Type")
        .map(value -> value.toLowerCase(Locale.ROOT).startsWith(PROBLEM_JSON))
        .orElse(false);
    if (!problemJson) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(MAPPER.readValue(body, ProblemDetails.class));
    } catch (JacksonException notAProblemDocument) {
      return Optional.empty();
    }
  }
}
