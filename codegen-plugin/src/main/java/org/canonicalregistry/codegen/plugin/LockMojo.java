package org.canonicalregistry.codegen.plugin;

import java.io.File;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.canonicalregistry.codegen.generator.CodegenException;
import org.canonicalregistry.codegen.lock.Locker;

/**
 * Resolves the selected entity versions and everything they reference against the registry and writes
 * {@code canonical.lock.json} with each exact version, global id, fingerprint and schema content. Commit the file:
 * {@code canonical:generate} then runs offline from it. Only published versions are eligible; a deprecated one gives
 * a warning with its sunset date, a retired one fails the build.
 *
 * @since 0.1.0
 */
@Mojo(name = "lock", threadSafe = true)
public final class LockMojo extends RegistryMojo {

  /**
   * What to lock: {@code entity}, {@code entity@MAJOR} (the latest MAJOR.x) or {@code entity@MAJOR.MINOR}; on the
   * command line comma-separated.
   *
   * @since 0.1.0
   */
  @Parameter(property = "canonical.selections")
  List<String> selections;

  /**
   * The lock file to write.
   *
   * @since 0.1.0
   */
  @Parameter(property = "canonical.lockFile", defaultValue = "${project.basedir}/canonical.lock.json")
  File lockFile;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("canonical:lock skipped (canonical.skip)");
      return;
    }
    try {
      Locker.Outcome outcome = Locker.resolve(registry(), selections == null ? List.of() : selections);
      outcome.warnings().forEach(getLog()::warn);
      boolean changed = outcome.lock().write(lockFile.toPath());
      outcome.lock().schemas().forEach(s -> getLog().info("  " + s.label() + " (global id " + s.globalId() + ", "
          + s.state().toLowerCase(java.util.Locale.ROOT) + ")"));
      getLog().info((changed ? "Wrote " : "Unchanged ") + lockFile + " (" + outcome.lock().schemas().size()
          + " schema versions)");
    } catch (CodegenException e) {
      throw new MojoFailureException(e.getMessage(), e);
    }
  }
}
