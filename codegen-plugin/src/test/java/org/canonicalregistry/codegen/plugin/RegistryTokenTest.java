package org.canonicalregistry.codegen.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.Test;

/** The token never comes from the POM: settings.xml first, then the environment. */
class RegistryTokenTest {

  private static ProposeMojo mojo(Settings settings, String variable) {
    ProposeMojo mojo = new ProposeMojo();
    mojo.settings = settings;
    mojo.serverId = "canonical-registry";
    mojo.tokenVariable = variable;
    return mojo;
  }

  private static Settings withServer(String id, String password) {
    Server server = new Server();
    server.setId(id);
    server.setPassword(password);
    Settings settings = new Settings();
    settings.addServer(server);
    return settings;
  }

  @Test
  void theSettingsServerPasswordIsTheToken() {
    assertThat(mojo(withServer("canonical-registry", "crt_from_settings"), "PATH").token())
        .contains("crt_from_settings");
  }

  @Test
  void theEnvironmentVariableIsUsedWhenSettingsHasNoServer() {
    // PATH is set in every environment the build runs in; it stands for CANONICAL_REGISTRY_TOKEN here.
    assertThat(mojo(withServer("other", "x"), "PATH").token()).contains(System.getenv("PATH").trim());
  }

  @Test
  void noTokenWhenNeitherHasOne() {
    assertThat(mojo(new Settings(), "CANONICAL_CODEGEN_TEST_UNSET_VARIABLE").token()).isEmpty();
  }

  @Test
  void proposeWithoutATokenSaysWhereToPutIt() {
    ProposeMojo mojo = mojo(new Settings(), "CANONICAL_CODEGEN_TEST_UNSET_VARIABLE");
    mojo.registryUrl = "http://127.0.0.1:9";
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("settings.xml <server> 'canonical-registry'")
        .hasMessageContaining("CANONICAL_CODEGEN_TEST_UNSET_VARIABLE");
  }

  @Test
  void aRegistryUrlThatIsNotHttpIsRefused() {
    ProposeMojo mojo = mojo(withServer("canonical-registry", "crt_x"), "PATH");
    mojo.registryUrl = "file:///etc/passwd";
    assertThatThrownBy(mojo::registry).isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("must be an http or https URL");
  }
}
