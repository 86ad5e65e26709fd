package org.canonicalregistry.runtime.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.canonicalregistry.schema.CanonicalJson;
import org.canonicalregistry.schema.SchemaReference;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The on-disk copy of what the cache learnt: published versions (content, id, fingerprint, last seen state) and
 * compatibility verdicts. Content is immutable, so a restarted adapter can enforce every version it has seen
 * while the registry is unreachable. Written whole to a temporary file and moved into place atomically, so a
 * crash never leaves half a snapshot. On load every schema's fingerprint is recomputed; an entry whose content
 * does not match it is skipped (a corrupted or edited file never weakens validation).
 */
final class SchemaSnapshot {

  private static final Logger LOG = System.getLogger(SchemaSnapshot.class.getName());
  private static final int FORMAT = 1;
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  record Content(List<SchemaDescriptor> schemas, Map<String, Boolean> verdicts) {
  }

  private SchemaSnapshot() {
  }

  static Content read(Path file) {
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      return new Content(List.of(), Map.of());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema snapshot " + file, e);
    } catch (JacksonException e) {
      LOG.log(Level.WARNING, "schema snapshot {0} is not JSON; starting without it: {1}", file, e.getMessage());
      return new Content(List.of(), Map.of());
    }
    if (root.path("format").asInt() != FORMAT) {
      LOG.log(Level.WARNING, "schema snapshot {0} has format {1}, expected {2}; ignored", file,
          root.path("format"), FORMAT);
      return new Content(List.of(), Map.of());
    }
    List<SchemaDescriptor> schemas = new ArrayList<>();
    for (JsonNode s : root.path("schemas")) {
      try {
        SchemaDescriptor d = descriptor(s);
        String actual = CanonicalJson.fingerprint(CanonicalJson.canonicalize(d.schema()));
        if (!actual.equals(d.fingerprint())) {
          LOG.log(Level.WARNING, "schema snapshot {0}: {1} does not match its fingerprint; skipped", file, d.label());
          continue;
        }
        schemas.add(d);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "schema snapshot {0}: unreadable entry skipped: {1}", file, e.toString());
      }
    }
    Map<String, Boolean> verdicts = new HashMap<>();
    for (JsonNode v : root.path("forwardCompatible")) {
      verdicts.put(v.path("pair").asString(), v.path("compatible").asBoolean());
    }
    return new Content(schemas, verdicts);
  }

  static void write(Path file, Collection<SchemaDescriptor> schemas, Map<String, Boolean> verdicts) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT);
    ArrayNode list = root.putArray("schemas");
    for (SchemaDescriptor d : schemas) {
      ObjectNode s = list.addObject();
      s.put("entity", d.entity());
      s.put("major", d.major());
      s.put("minor", d.minor());
      s.put("globalId", d.globalId());
      s.put("fingerprint", d.fingerprint());
      s.put("state", d.state().name());
      s.put("sunset", d.sunset() == null ? null : d.sunset().toString());
      ArrayNode refs = s.putArray("references");
      d.references().forEach(r -> refs.add(r.uri().toString()));
      s.set("schema", d.schema());
    }
    ArrayNode pairs = root.putArray("forwardCompatible");
    verdicts.forEach((pair, ok) -> pairs.addObject().put("pair", pair).put("compatible", ok));
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
      Files.write(tmp, MAPPER.writeValueAsBytes(root));
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // The snapshot is a safety net: failing to write it must not stop traffic, but it must be visible.
      LOG.log(Level.ERROR, "cannot write schema snapshot " + file, e);
    }
  }

  private static SchemaDescriptor descriptor(JsonNode s) {
    List<SchemaReference> refs = new ArrayList<>();
    for (JsonNode r : s.path("references")) {
      refs.add(SchemaReference.parse(r.asString()).orElseThrow(
          () -> new IllegalArgumentException("bad reference " + r)));
    }
    String sunset = s.path("sunset").isString() ? s.path("sunset").asString() : null;
    return new SchemaDescriptor(s.path("entity").asString(), s.path("major").asInt(), s.path("minor").asInt(),
        s.path("globalId").asLong(), s.path("fingerprint").asString(), VersionState.valueOf(s.path("state").asString()),
        sunset == null ? null : LocalDate.parse(sunset), refs, s.required("schema"));
  }
}
