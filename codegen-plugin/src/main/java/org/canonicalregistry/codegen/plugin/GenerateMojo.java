package org.canonicalregistry.codegen.plugin;

import java.io.File;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.canonicalregistry.codegen.build.GenerationInput;
import org.canonicalregistry.codegen.build.IncrementalGeneration;
import org.canonicalregistry.codegen.generator.CodegenException;
import org.canonicalregistry.codegen.generator.GeneratorOptions;
import org.canonicalregistry.codegen.generator.NumberType;

/**
 * Generates immutable Java records, enums and sealed interfaces from canonical schemas into
 * {@code target/generated-sources/canonical} and adds that directory as a source root.
 *
 * <p>Input is the lock file (fully offline; every fingerprint is verified) or, when {@code schemaDirectory} is set,
 * a local folder of {@code <entity>.schema.json} files. When the hash of the inputs, the plugin version and the
 * configuration is unchanged, nothing is generated; otherwise only files whose content changed are written.
 *
 * @since 0.1.0
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class GenerateMojo extends AbstractMojo {

  /**
   * A local folder of {@code <entity>.schema.json} files to generate from instead of the lock file, e.g.
   * {@code ${project.basedir}/entities}. References between the files use {@code urn:canonical:<entity>:<version>}
   * with the folder's {@link #schemaVersion}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "canonical.schemaDirectory")
  private File schemaDirectory;

  /**
   * The {@code MAJOR.MINOR} version the files of {@link #schemaDirectory} hold.
   *
   * @since 0.1.0
   */
  @Parameter(property = "canonical.schemaVersion", defaultValue = "1.0")
  private String schemaVersion;

  /**
   * The lock file written by {@code canonical:lock}; the input when {@link #schemaDirectory} is not set.
   *
   * @since 0.1.0
   */
  @Parameter(property = "canonical.lockFile", defaultValue = "${project.basedir}/canonical.lock.json")
  private File lockFile;

  /**
   * Where the sources go; added as a compile source root.
   *
   * @since 0.1.0
   */
  @Parameter(property = "canonical.outputDirectory",
      defaultValue = "${project.build.directory}/generated-sources/canonical")
  private File outputDirectory;

  /**
   * Package prefix: each entity and major gets {@code <basePackage>.<entity>.v<major>}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "canonical.basePackage", defaultValue = GeneratorOptions.DEFAULT_BASE_PACKAGE)
  private String basePackage;

  /**
   * Also generate a {@code builder()} for every record.
   *
   * @since 0.1.0
   */
  @Parameter(property = "canonical.builders", defaultValue = "true")
  private boolean builders;

  /**
   * Annotate optional and nullable components with JSpecify's {@code @Nullable} (the consumer then needs
   * {@code org.jspecify:jspecify}).
   *
   * @since 0.1.0
   */
  @Parameter(property = "canonical.jspecify", defaultValue = "false")
  private boolean jspecify;

  /**
   * Add jakarta.validation annotations from the schema's constraints (the consumer then needs
   * {@code jakarta.validation:jakarta.validation-api}).
   *
   * @since 0.1.0
   */
  @Parameter(property = "canonical.validation", defaultValue = "false")
  private boolean validation;

  /**
   * Java type of JSON {@code number}: {@code BIG_DECIMAL} (exact) or {@code DOUBLE}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "canonical.numberType", defaultValue = "BIG_DECIMAL")
  private String numberType;

  /**
   * Extra or replaced {@code format} mappings, format name to fully qualified type, e.g.
   * {@code <date-time>java.time.Instant</date-time>}. Defaults: date-time OffsetDateTime, date LocalDate, uuid UUID,
   * uri URI, email String.
   *
   * @since 0.1.0
   */
  @Parameter
  private Map<String, String> formatTypes;

  /**
   * Type name overrides keyed by {@code entity#pointer} ({@code customer#/$defs/address}); the way out of a name
   * collision. Written as {@code <property><name>customer#/properties/address</name><value>ShippingAddress</value>
   * </property>}.
   *
   * @since 0.1.0
   */
  @Parameter
  private Properties typeNames;

  /**
   * Skip this goal.
   *
   * @since 0.1.0
   */
  @Parameter(property = "canonical.skip", defaultValue = "false")
  private boolean skip;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Parameter(defaultValue = "${project.build.directory}/canonical-codegen/generate.state", readonly = true)
  private File stateFile;

  @Parameter(defaultValue = "${plugin.version}", readonly = true)
  private String pluginVersion;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("canonical:generate skipped (canonical.skip)");
      return;
    }
    long start = System.nanoTime();
    GeneratorOptions options = options();
    GenerationInput input = schemaDirectory != null
        ? new GenerationInput.Folder(schemaDirectory.toPath(), schemaVersion)
        : new GenerationInput.Lock(lockFile.toPath());
    try {
      IncrementalGeneration.Result r = IncrementalGeneration.run(input, options, pluginVersion,
          outputDirectory.toPath(), stateFile.toPath());
      long ms = (System.nanoTime() - start) / 1_000_000;
      if (r.skipped()) {
        getLog().info("Canonical sources up to date (" + r.total() + " files, inputs unchanged) in " + ms + " ms");
      } else {
        getLog().info("Generated " + r.total() + " canonical source files from " + describe(input) + " ("
            + r.written() + " written, " + r.unchanged() + " unchanged, " + r.deleted() + " deleted) in " + ms
            + " ms");
      }
    } catch (CodegenException e) {
      throw new MojoFailureException(e.getMessage(), e);
    }
    project.addCompileSourceRoot(outputDirectory.getPath());
  }

  private GeneratorOptions options() throws MojoExecutionException {
    Map<String, String> names = new TreeMap<>();
    if (typeNames != null) {
      typeNames.stringPropertyNames().forEach(k -> names.put(k, typeNames.getProperty(k)));
    }
    try {
      return new GeneratorOptions(basePackage, builders, jspecify, validation,
          EnumParameter.parse(NumberType.class, "numberType", numberType),
          formatTypes == null ? Map.of() : formatTypes, names);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }

  private static String describe(GenerationInput input) {
    return input instanceof GenerationInput.Folder f ? f.directory() + " (version " + f.version() + ")"
        : ((GenerationInput.Lock) input).file().toString();
  }
}
