package org.canonicalregistry.codegen.generator;

import com.palantir.javapoet.JavaFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Generates immutable Java records, enums and sealed interfaces from canonical schemas. A plain library with no
 * Maven types; the plugin's goals only translate their parameters and call {@link #generate}.
 *
 * <p>Immutable and thread-safe. The same inputs and options always give byte-identical files (no timestamps, no
 * visiting-order dependent names, files sorted by path). Errors are {@link CodegenException}s naming the schema
 * ({@code entity@version#pointer}) and, for name collisions, both sources and the {@code typeNames} option.
 */
public final class JavaGenerator {

  private final GeneratorOptions options;

  public JavaGenerator(GeneratorOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * @param sources every entity version to generate, with every entity they reference (a reference to an entity
   *                that is not among them is an error); of several minors of one major, the newest generates
   * @return the files, sorted by path
   * @throws CodegenException when a schema cannot be mapped
   */
  public List<GeneratedFile> generate(List<SchemaSource> sources) {
    SchemaGraph graph = new SchemaGraph(sources);
    TypePlanner planner = new TypePlanner(options, graph);
    Map<Loc, Planned> planned = planner.plan();
    TypeEmitter emitter = new TypeEmitter(options, planner);
    List<GeneratedFile> files = new ArrayList<>();
    for (Planned p : planned.values()) {
      JavaFile file = emitter.emit(p);
      String path = p.name().packageName().replace('.', '/') + "/" + p.name().simpleName() + ".java";
      files.add(new GeneratedFile(path, file.toString()));
    }
    files.sort(Comparator.comparing(GeneratedFile::path));
    return List.copyOf(files);
  }
}
