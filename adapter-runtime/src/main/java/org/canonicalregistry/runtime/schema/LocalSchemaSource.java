package org.canonicalregistry.runtime.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.canonicalregistry.schema.CanonicalSchema;
import org.canonicalregistry.schema.SchemaEngine;
import org.canonicalregistry.schema.SchemaReference;
import org.canonicalregistry.schema.compat.CompatibilityEngine;
import org.canonicalregistry.schema.compat.CompatibilityMode;
import org.canonicalregistry.schema.compat.CompatibilityPolicy;

import tools.jackson.databind.JsonNode;

/**
 * Published versions from a folder, for offline use (air-gapped adapters, tests, a lock directory) with
 * verdicts from schema-core's compatibility engine, the same engine the registry runs.
 *
 * <p>Layout: {@code <root>/<entity>/<MAJOR>.<MINOR>.schema.json}; an optional sibling
 * {@code <MAJOR>.<MINOR>.state} holds {@code DEPRECATED [yyyy-mm-dd]} or {@code RETIRED} (absent: PUBLISHED).
 * Every file is loaded once, at construction, through {@link SchemaEngine#load} (meta-schema, canonical profile,
 * fingerprint); {@code urn:canonical:} references resolve to other files of the folder. A local version has no
 * registry id, so its global id is derived from its fingerprint (first 60 bits): stable and unique in practice.
 * Immutable and thread-safe.
 */
public final class LocalSchemaSource implements SchemaSource {

  private static final Pattern FILE = Pattern.compile("(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.schema\\.json");

  private final Map<SchemaReference, SchemaDescriptor> versions;
  private final Map<Long, SchemaDescriptor> byId = new HashMap<>();
  private final CompatibilityEngine compatibility;

  /**
   * @param root the folder
   * @throws UncheckedIOException when the folder cannot be read
   * @throws org.canonicalregistry.schema.SchemaRejectedException when a file is not a loadable schema
   */
  public LocalSchemaSource(Path root) {
    Objects.requireNonNull(root, "root");
    Map<SchemaReference, JsonNode> raw = new HashMap<>();
    Map<SchemaReference, Path> files = new HashMap<>();
    SchemaEngine parser = SchemaEngine.withDefaults();
    try (Stream<Path> entities = Files.list(root)) {
      for (Path dir : entities.filter(Files::isDirectory).sorted().toList()) {
        try (Stream<Path> schemaFiles = Files.list(dir)) {
          for (Path file : schemaFiles.sorted().toList()) {
            Matcher m = FILE.matcher(file.getFileName().toString());
            if (m.matches()) {
              SchemaReference ref = new SchemaReference(dir.getFileName().toString(), Integer.parseInt(m.group(1)),
                  Integer.parseInt(m.group(2)));
              raw.put(ref, parser.parseInstance(Files.readAllBytes(file)));
              files.put(ref, file);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema folder " + root, e);
    }
    SchemaEngine engine = SchemaEngine.builder()
        .referenceResolver(ref -> Optional.ofNullable(raw.get(ref)))
        .build();
    Map<SchemaReference, SchemaDescriptor> loaded = new HashMap<>();
    for (Map.Entry<SchemaReference, Path> e : files.entrySet()) {
      SchemaReference ref = e.getKey();
      CanonicalSchema schema;
      try {
        schema = engine.load(Files.readAllBytes(e.getValue()));
      } catch (IOException io) {
        throw new UncheckedIOException("cannot read " + e.getValue(), io);
      }
      Path stateFile = e.getValue().resolveSibling(ref.major() + "." + ref.minor() + ".state");
      VersionState state = VersionState.PUBLISHED;
      LocalDate sunset = null;
      if (Files.exists(stateFile)) {
        String[] words = readString(stateFile).trim().split("\\s+");
        state = VersionState.valueOf(words[0]);
        sunset = words.length > 1 ? LocalDate.parse(words[1]) : null;
      }
      SchemaDescriptor d = new SchemaDescriptor(ref.entity(), ref.major(), ref.minor(),
          Long.parseLong(schema.fingerprint().substring(0, 15), 16), schema.fingerprint(), state, sunset,
          schema.references().stream().sorted(Comparator.comparing(SchemaReference::toString)).toList(),
          schema.json());
      loaded.put(ref, d);
      byId.put(d.globalId(), d);
    }
    this.versions = Map.copyOf(loaded);
    this.compatibility = CompatibilityEngine.builder()
        .schemaEngine(engine)
        .referenceResolver(ref -> Optional.ofNullable(raw.get(ref)))
        .build();
  }

  private static String readString(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  @Override
  public Optional<SchemaDescriptor> version(String entity, int major, int minor) {
    return Optional.ofNullable(versions.get(new SchemaReference(entity, major, minor)));
  }

  @Override
  public Optional<SchemaDescriptor> byId(long globalId) {
    return Optional.ofNullable(byId.get(globalId));
  }

  @Override
  public Optional<SchemaDescriptor> latest(String entity, int major) {
    return versions.values().stream()
        .filter(d -> d.entity().equals(entity) && d.major() == major && d.state() != VersionState.RETIRED)
        .max(Comparator.comparingInt(SchemaDescriptor::minor));
  }

  @Override
  public boolean forwardCompatible(SchemaDescriptor reader, SchemaDescriptor writer) {
    return compatibility.check(CompatibilityMode.FORWARD, CompatibilityPolicy.STRICT, writer.schema(),
        List.of(reader.schema())).compatible();
  }

  @Override
  public String name() {
    return "local";
  }

  /** @return every version in the folder, for listings */
  public List<SchemaDescriptor> all() {
    return new ArrayList<>(versions.values());
  }
}
