package org.canonicalregistry.codegen.lock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.canonicalregistry.codegen.generator.CodegenException;
import org.canonicalregistry.codegen.generator.SchemaFolder;
import org.canonicalregistry.codegen.generator.SchemaSource;
import org.canonicalregistry.schema.CanonicalSchema;
import org.canonicalregistry.schema.SchemaEngine;
import org.canonicalregistry.schema.SchemaRejectedException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code canonical.lock.json}: the exact schema versions a build uses, with their content, so that generation and
 * checks run offline and never change under the build. Written sorted and pretty-printed, so that it diffs well and
 * is byte-identical for identical content.
 *
 * @param selections the selections it was resolved from, as written in the POM, sorted
 * @param schemas    the pinned versions (selected and referenced), sorted by entity and version
 */
public record LockFile(List<String> selections, List<LockedSchema> schemas) {

  /** Format version written into the file; a reader refuses any other. */
  public static final int FORMAT = 1;
  private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  public LockFile {
    selections = selections.stream().sorted().toList();
    schemas = schemas.stream().sorted(Comparator.comparing(LockedSchema::entity)
        .thenComparing(s -> versionKey(s.version()))).toList();
  }

  private static long versionKey(String version) {
    int dot = version.indexOf('.');
    return Long.parseLong(version.substring(0, dot)) * 1_000_000_000L + Long.parseLong(version.substring(dot + 1));
  }

  /**
   * Reads and checks the structure of a lock file (not yet the fingerprints: see {@link #toSources}).
   *
   * @throws CodegenException naming the file and what is wrong, for a missing or malformed file
   */
  public static LockFile read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new CodegenException("lock file " + file + " does not exist; run `mvn canonical:lock` and commit it,"
          + " or generate from a schema folder (canonical.schemaDirectory)");
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readAllBytes(file));
    } catch (JacksonException e) {
      throw new CodegenException("lock file " + file + " is malformed JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    if (root == null || !root.isObject()) {
      throw new CodegenException("lock file " + file + " is malformed: the top level must be an object");
    }
    if (root.path("lockFormat").asInt(-1) != FORMAT) {
      throw new CodegenException("lock file " + file + " is malformed: lockFormat must be " + FORMAT + ", was "
          + root.get("lockFormat"));
    }
    List<String> selections = new ArrayList<>();
    for (JsonNode s : root.path("selections")) {
      selections.add(s.asString());
    }
    JsonNode schemas = root.get("schemas");
    if (schemas == null || !schemas.isArray()) {
      throw new CodegenException("lock file " + file + " is malformed: 'schemas' must be an array");
    }
    List<LockedSchema> locked = new ArrayList<>();
    for (int i = 0; i < schemas.size(); i++) {
      JsonNode s = schemas.get(i);
      String at = "lock file " + file + " is malformed at /schemas/" + i + ": ";
      for (String field : List.of("entity", "version", "globalId", "fingerprint", "state", "schema")) {
        if (!s.has(field) || s.get(field).isNull()) {
          throw new CodegenException(at + "'" + field + "' is missing");
        }
      }
      String version = s.get("version").asString();
      if (!version.matches("(0|[1-9][0-9]{0,8})\\.(0|[1-9][0-9]{0,8})")) {
        throw new CodegenException(at + "version '" + version + "' is not MAJOR.MINOR");
      }
      if (!s.get("globalId").canConvertToLong()) {
        throw new CodegenException(at + "globalId must be a number");
      }
      locked.add(new LockedSchema(s.get("entity").asString(), version, s.get("globalId").asLong(),
          s.get("fingerprint").asString(), s.get("state").asString(), s.get("schema")));
    }
    return new LockFile(selections, locked);
  }

  /** Writes the file only when its content changes; returns whether it did. */
  public boolean write(Path file) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("lockFormat", FORMAT);
    ArrayNode sel = root.putArray("selections");
    selections.forEach(sel::add);
    ArrayNode arr = root.putArray("schemas");
    for (LockedSchema s : schemas) {
      ObjectNode o = arr.addObject();
      o.put("entity", s.entity());
      o.put("version", s.version());
      o.put("globalId", s.globalId());
      o.put("fingerprint", s.fingerprint());
      o.put("state", s.state());
      o.set("schema", s.schema());
    }
    String text = MAPPER.writeValueAsString(root) + "\n";
    try {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      if (Files.isRegularFile(file) && java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
        return false;
      }
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.write(file, bytes);
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /**
   * Loads every pinned schema through schema-core (canonical profile enforced, references served from this file
   * only) and verifies each fingerprint against the content.
   *
   * @param file for messages
   * @throws CodegenException when a fingerprint does not match its content (the file was edited by hand) or a
   *                          schema is refused
   */
  public List<SchemaSource> toSources(Path file) {
    Map<String, LockedSchema> byLabel = new LinkedHashMap<>();
    for (LockedSchema s : schemas) {
      byLabel.put(s.label(), s);
    }
    SchemaEngine engine = SchemaEngine.builder()
        .referenceResolver(ref -> Optional.ofNullable(byLabel.get(ref.toString())).map(LockedSchema::schema))
        .build();
    List<SchemaSource> sources = new ArrayList<>();
    for (LockedSchema s : schemas) {
      CanonicalSchema schema;
      try {
        schema = engine.load(MAPPER.writeValueAsString(s.schema()));
      } catch (SchemaRejectedException e) {
        throw SchemaFolder.rejected(file + " (" + s.label() + ")", e);
      }
      if (!schema.fingerprint().equals(s.fingerprint())) {
        throw new CodegenException("fingerprint mismatch for " + s.label() + " in " + file + ": recorded "
            + s.fingerprint() + ", but the content gives " + schema.fingerprint()
            + ". The lock file was edited; run `mvn canonical:lock` again instead of editing it");
      }
      sources.add(new SchemaSource(s.entity(), s.version(), s.globalId(), schema, file + " (" + s.label() + ")"));
    }
    return sources;
  }
}
