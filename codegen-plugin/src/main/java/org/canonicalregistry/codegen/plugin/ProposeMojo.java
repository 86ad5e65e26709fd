package org.canonicalregistry.codegen.plugin;

import java.io.File;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.canonicalregistry.codegen.generator.CodegenException;
import org.canonicalregistry.codegen.generator.SchemaFolder;
import org.canonicalregistry.codegen.propose.ProposalOutcome;
import org.canonicalregistry.codegen.propose.Proposer;

/**
 * Submits every local schema that differs from the entity's latest registered version as a change proposal, and
 * prints each proposal's URL and the approvals it waits for. Idempotent: unchanged schemas are not sent, and
 * re-proposing identical content returns the open proposal. Needs a token with the DEVELOPER, OWNER or ADMIN role,
 * from {@code settings.xml} ({@code canonical.serverId}) or the environment ({@code CANONICAL_REGISTRY_TOKEN}).
 *
 * @since 0.1.0
 */
@Mojo(name = "propose", threadSafe = true)
public final class ProposeMojo extends RegistryMojo {

  /**
   * The folder of local {@code <entity>.schema.json} files to propose.
   *
   * @since 0.1.0
   */
  @Parameter(property = "canonical.schemaDirectory", defaultValue = "${project.basedir}/entities")
  File schemaDirectory;

  /**
   * The {@code MAJOR.MINOR} the folder's cross-entity references use.
   *
   * @since 0.1.0
   */
  @Parameter(property = "canonical.schemaVersion", defaultValue = "1.0")
  String schemaVersion;

  /**
   * One line that summarises the change for the approvers.
   *
   * @since 0.1.0
   */
  @Parameter(property = "canonical.summary", defaultValue = "Proposed by canonical:propose from ${project.artifactId}")
  String summary;

  /**
   * Why the change is needed (optional).
   *
   * @since 0.1.0
   */
  @Parameter(property = "canonical.reason")
  String reason;

  @Parameter(defaultValue = "${project}", readonly = true)
  MavenProject project;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("canonical:propose skipped (canonical.skip)");
      return;
    }
    if (token().isEmpty()) {
      throw new MojoExecutionException("canonical:propose needs an API token: the password of the settings.xml"
          + " <server> '" + serverId + "' (canonical.serverId) or the environment variable " + tokenVariable);
    }
    try {
      List<ProposalOutcome> outcomes = new Proposer(registry())
          .propose(SchemaFolder.load(schemaDirectory.toPath(), schemaVersion), summary, reason);
      outcomes.forEach(o -> o.lines().forEach(getLog()::info));
    } catch (CodegenException e) {
      throw new MojoFailureException(e.getMessage(), e);
    }
  }
}
