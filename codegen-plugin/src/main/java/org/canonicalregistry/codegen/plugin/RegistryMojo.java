package org.canonicalregistry.codegen.plugin;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.canonicalregistry.codegen.registry.RegistryGateway;

/**
 * What every registry-facing goal shares: the registry URL, the timeout and the token. The token is never a POM
 * parameter: it is the password of the {@code settings.xml} server named by {@link #serverId}, or else the
 * environment variable named by {@link #tokenVariable}.
 */
abstract class RegistryMojo extends AbstractMojo {

  /**
   * Base URL of the registry, e.g. {@code https://registry.example.com}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "canonical.registryUrl")
  String registryUrl;

  /**
   * The {@code settings.xml} server whose password is the registry API token.
   *
   * @since 0.1.0
   */
  @Parameter(property = "canonical.serverId", defaultValue = "canonical-registry")
  String serverId;

  /**
   * Name of the environment variable holding the token when {@code settings.xml} has none.
   *
   * @since 0.1.0
   */
  @Parameter(property = "canonical.tokenVariable", defaultValue = "CANONICAL_REGISTRY_TOKEN")
  String tokenVariable;

  /**
   * Connect and read timeout for registry calls, in seconds.
   *
   * @since 0.1.0
   */
  @Parameter(property = "canonical.timeoutSeconds", defaultValue = "30")
  int timeoutSeconds;

  /**
   * Skip this goal.
   *
   * @since 0.1.0
   */
  @Parameter(property = "canonical.skip", defaultValue = "false")
  boolean skip;

  @Parameter(defaultValue = "${settings}", readonly = true)
  Settings settings;

  RegistryGateway registry() throws MojoExecutionException {
    if (registryUrl == null || registryUrl.isBlank()) {
      throw new MojoExecutionException("parameter registryUrl (canonical.registryUrl) is required for this goal");
    }
    URI url;
    try {
      url = URI.create(registryUrl.trim());
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("canonical.registryUrl '" + registryUrl + "' is not a URL: " + e.getMessage());
    }
    if (url.getScheme() == null || !(url.getScheme().equals("http") || url.getScheme().equals("https"))) {
      throw new MojoExecutionException("canonical.registryUrl '" + registryUrl + "' must be an http or https URL");
    }
    return new RegistryGateway(url, token(), Duration.ofSeconds(timeoutSeconds));
  }

  /** The token from settings.xml, else from the environment; empty when neither has one. */
  Optional<String> token() {
    if (settings != null && serverId != null) {
      Server server = settings.getServer(serverId);
      if (server != null && server.getPassword() != null && !server.getPassword().isBlank()) {
        return Optional.of(server.getPassword());
      }
    }
    String env = tokenVariable == null ? null : System.getenv(tokenVariable);
    return env == null || env.isBlank() ? Optional.empty() : Optional.of(env.trim());
  }
}
