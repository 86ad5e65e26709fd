package org.canonicalregistry.codegen.plugin;

import java.io.File;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.canonicalregistry.codegen.check.EntityVerdict;
import org.canonicalregistry.codegen.check.JUnitReport;
import org.canonicalregistry.codegen.check.SchemaCheck;
import org.canonicalregistry.codegen.generator.CodegenException;
import org.canonicalregistry.codegen.generator.SchemaFolder;
import org.canonicalregistry.codegen.generator.SchemaSource;
import org.canonicalregistry.codegen.lock.LockFile;
import org.canonicalregistry.schema.compat.CompatibilityMode;
import org.canonicalregistry.schema.compat.CompatibilityPolicy;

/**
 * Checks every local schema that differs from its registered (or, offline, locked) version for compatibility,
 * prints the typed changes with their witnesses, and fails the build on a breaking change unless the schema
 * declares a new major ({@code "x-canonical-major": N} above the baseline's major). Optionally writes a JUnit XML
 * report for CI.
 *
 * @since 0.1.0
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class CheckMojo extends RegistryMojo {

  /**
   * The folder of local {@code <entity>.schema.json} files to check.
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
   * The lock file holding the baselines for an offline check.
   *
   * @since 0.1.0
   */
  @Parameter(property = "canonical.lockFile", defaultValue = "${project.basedir}/canonical.lock.json")
  File lockFile;

  /**
   * Check without the registry, with schema-core against the lock file (also when Maven runs offline, {@code -o}).
   *
   * @since 0.1.0
   */
  @Parameter(property = "canonical.offline", defaultValue = "false")
  boolean offline;

  /**
   * Compatibility mode of an offline check (online, the entity's own mode applies): NONE, BACKWARD,
   * BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE.
   *
   * @since 0.1.0
   */
  @Parameter(property = "canonical.mode", defaultValue = "BACKWARD_TRANSITIVE")
  String mode;

  /**
   * Policy of an offline check: STRICT or LENIENT.
   *
   * @since 0.1.0
   */
  @Parameter(property = "canonical.policy", defaultValue = "STRICT")
  String policy;

  /**
   * Report format besides the build log: TEXT (log only) or JUNIT (also {@code TEST-canonical-check.xml}).
   *
   * @since 0.1.0
   */
  @Parameter(property = "canonical.reportFormat", defaultValue = "TEXT")
  String reportFormat;

  /**
   * Where the JUnit report goes.
   *
   * @since 0.1.0
   */
  @Parameter(property = "canonical.reportDirectory", defaultValue = "${project.build.directory}/canonical-check")
  File reportDirectory;

  /** The report formats. */
  enum ReportFormat { TEXT, JUNIT }

  @Parameter(defaultValue = "${session}", readonly = true)
  MavenSession session;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("canonical:check skipped (canonical.skip)");
      return;
    }
    ReportFormat format = EnumParameter.parse(ReportFormat.class, "reportFormat", reportFormat);
    CompatibilityMode m = EnumParameter.parse(CompatibilityMode.class, "mode", mode);
    CompatibilityPolicy p = EnumParameter.parse(CompatibilityPolicy.class, "policy", policy);
    boolean isOffline = offline || (session != null && session.isOffline());
    List<EntityVerdict> verdicts;
    try {
      List<SchemaSource> local = SchemaFolder.load(schemaDirectory.toPath(), schemaVersion);
      if (isOffline) {
        getLog().info("Checking " + local.size() + " schemas offline against " + lockFile + " (" + m + ", " + p + ")");
        verdicts = SchemaCheck.offline(local, LockFile.read(lockFile.toPath()), m, p);
      } else {
        getLog().info("Checking " + local.size() + " schemas against " + registryUrl);
        verdicts = SchemaCheck.online(local, registry());
      }
    } catch (CodegenException e) {
      throw new MojoFailureException(e.getMessage(), e);
    }
    for (EntityVerdict v : verdicts) {
      for (String line : v.lines()) {
        if (v.outcome().fails()) {
          getLog().error(line);
        } else {
          getLog().info(line);
        }
      }
    }
    if (format == ReportFormat.JUNIT) {
      File file = new File(reportDirectory, "TEST-canonical-check.xml");
      JUnitReport.write(file.toPath(), verdicts);
      getLog().info("JUnit report: " + file);
    }
    List<String> breaking = verdicts.stream().filter(v -> v.outcome().fails()).map(EntityVerdict::entity).toList();
    if (!breaking.isEmpty()) {
      throw new MojoFailureException("breaking changes in " + String.join(", ", breaking) + " (see above). Keep the"
          + " change compatible, or declare a new major with \"" + SchemaCheck.MAJOR_KEYWORD + "\"");
    }
  }
}
