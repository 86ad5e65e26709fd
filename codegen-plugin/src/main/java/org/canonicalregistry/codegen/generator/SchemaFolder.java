package org.canonicalregistry.codegen.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.canonicalregistry.schema.CanonicalSchema;
import org.canonicalregistry.schema.SchemaEngine;
import org.canonicalregistry.schema.SchemaRejectedException;
import tools.jackson.databind.JsonNode;

/**
 * A local folder of {@code <entity>.schema.json} files (such as {@code model-definitions/entities}) holding one
 * version line. A registry reference {@code urn:canonical:<entity>:<version>} resolves to the sibling file when
 * {@code <version>} is the folder's version; anything else is unknown. Nothing is ever fetched.
 */
public final class SchemaFolder {

  /** File name suffix of an entity schema. */
  public static final String SUFFIX = ".schema.json";

  private SchemaFolder() {
  }

  /**
   * Loads every entity schema of a folder through schema-core's {@link SchemaEngine} (canonical profile enforced).
   *
   * @param folder  the directory
   * @param version {@code MAJOR.MINOR} the files hold
   * @return one source per file, sorted by entity, global id {@code -1}
   * @throws CodegenException naming the file, the pointer and the rule for a refused schema
   */
  public static List<SchemaSource> load(Path folder, String version) {
    Map<String, Path> files = files(folder);
    Map<String, JsonNode> parsed = new TreeMap<>();
    SchemaEngine plain = SchemaEngine.withDefaults();
    for (Map.Entry<String, Path> e : files.entrySet()) {
      try {
        parsed.put(e.getKey(), plain.parseInstance(Files.readAllBytes(e.getValue())));
      } catch (SchemaRejectedException rejected) {
        throw rejected(e.getValue(), rejected);
      } catch (IOException io) {
        throw new UncheckedIOException("cannot read " + e.getValue(), io);
      }
    }
    SchemaEngine engine = SchemaEngine.builder().referenceResolver(ref ->
        !(ref.major() + "." + ref.minor()).equals(version)
            ? Optional.empty() : Optional.ofNullable(parsed.get(ref.entity()))).build();
    List<SchemaSource> sources = new ArrayList<>();
    for (Map.Entry<String, Path> e : files.entrySet()) {
      CanonicalSchema schema;
      try {
        schema = engine.load(Files.readAllBytes(e.getValue()));
      } catch (SchemaRejectedException rejected) {
        throw rejected(e.getValue(), rejected);
      } catch (IOException io) {
        throw new UncheckedIOException("cannot read " + e.getValue(), io);
      }
      sources.add(new SchemaSource(e.getKey(), version, -1L, schema, e.getValue().toString()));
    }
    return sources;
  }

  /** The entity schema files of a folder, by entity name. */
  public static Map<String, Path> files(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new CodegenException("schema folder " + folder + " does not exist");
    }
    Map<String, Path> files = new TreeMap<>();
    try (Stream<Path> list = Files.list(folder)) {
      list.filter(p -> p.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(p))
          .forEach(p -> {
            String name = p.getFileName().toString();
            files.put(name.substring(0, name.length() - SUFFIX.length()), p);
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
    if (files.isEmpty()) {
      throw new CodegenException("schema folder " + folder + " holds no *" + SUFFIX + " file");
    }
    return files;
  }

  /** The message every goal shows for a refused schema: file, reason, pointer, rule. */
  public static CodegenException rejected(Object schema, SchemaRejectedException e) {
    return new CodegenException(schema + ": " + e.reason() + " at pointer '" + e.pointer() + "': " + e.getMessage(), e);
  }
}
