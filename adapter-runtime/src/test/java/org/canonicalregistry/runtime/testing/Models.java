package org.canonicalregistry.runtime.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.canonicalregistry.runtime.Envelope;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The company's real canonical models (model-definitions) laid out as a {@code LocalSchemaSource} folder, plus
 * envelopes around their sample documents.
 */
public final class Models {

  public static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Path MODELS = Path.of("..", "model-definitions");

  private Models() {
  }

  /** @return the model file's text, e.g. {@code entities/customer.schema.json} */
  public static String read(String relative) {
    try {
      return Files.readString(MODELS.resolve(relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("model-definitions must sit beside adapter-runtime", e);
    }
  }

  public static ObjectNode sample(String entity, String name) {
    return (ObjectNode) JSON.readTree(read("examples/" + entity + "/valid/" + name + ".json"));
  }

  /**
   * A folder with customer 1.0 (published), 1.1 (DEPRECATED, sunset 2027-06-30), 1.2 (RETIRED), order 1.0, which
   * references customer 1.0 and product 1.0, and product 1.0. 1.1 and 1.2 differ from 1.0 only in their title, so their fingerprints differ.
   */
  public static Path localFolder(Path dir) {
    try {
      String customer = read("entities/customer.schema.json");
      Path c = Files.createDirectories(dir.resolve("customer"));
      Files.writeString(c.resolve("1.0.schema.json"), customer);
      Files.writeString(c.resolve("1.1.schema.json"), customer.replace("\"title\": \"Customer\"",
          "\"title\": \"Customer (1.1)\""));
      Files.writeString(c.resolve("1.1.state"), "DEPRECATED 2027-06-30\n");
      Files.writeString(c.resolve("1.2.schema.json"), customer.replace("\"title\": \"Customer\"",
          "\"title\": \"Customer (1.2)\""));
      Files.writeString(c.resolve("1.2.state"), "RETIRED\n");
      Path o = Files.createDirectories(dir.resolve("order"));
      Files.writeString(o.resolve("1.0.schema.json"), read("entities/order.schema.json"));
      Path p = Files.createDirectories(dir.resolve("product"));
      Files.writeString(p.resolve("1.0.schema.json"), read("entities/product.schema.json"));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return the resources folder {@code schemas/<name>} (a LocalSchemaSource root) */
  public static Path resourceFolder(String name) {
    return Path.of("src", "test", "resources", "schemas", name);
  }

  public static Envelope envelope(String dataschema, JsonNode data) {
    return new Envelope(UUID.randomUUID().toString(), "crm", "org.example.customer.changed",
        Instant.parse("2026-11-22T01:00:00Z"), "subject-1", dataschema, "crm-to-billing", null, null, Map.of(),
        data);
  }
}
