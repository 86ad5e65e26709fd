package org.canonicalregistry.schema;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rewrites a schema of an older draft into the draft 2020-12 spelling of the same constraints, so the
 * compatibility engine compares one vocabulary. Rules, applied at every schema position:
 * <ul>
 *   <li>{@code definitions} becomes {@code $defs} (all drafts; merged, {@code $defs} wins on a clash) and
 *       local {@code $ref} pointers through it are rewritten;</li>
 *   <li>array-form {@code items} + {@code additionalItems} become {@code prefixItems} + {@code items};
 *       {@code additionalItems} beside a single-schema {@code items} or without {@code items} had no
 *       effect and is dropped (before 2020-12);</li>
 *   <li>{@code dependencies} splits into {@code dependentRequired} (string arrays) and
 *       {@code dependentSchemas} (schemas) (before 2020-12);</li>
 *   <li>draft-04 boolean {@code exclusiveMinimum}/{@code exclusiveMaximum} become the numeric form
 *       ({@code maximum: 5, exclusiveMaximum: true} is {@code exclusiveMaximum: 5}); draft-04 {@code id}
 *       becomes {@code $id};</li>
 *   <li>before 2019-09 a {@code $ref} ignored its siblings, so they are dropped (keeping {@code $defs},
 *       {@code $id}, {@code $schema}, {@code $comment});</li>
 *   <li>the root's {@code $schema} is set to 2020-12 when the source draft was older.</li>
 * </ul>
 * The source draft is the root {@code $schema}; without one, {@code defaultDraft}. Values of
 * {@code enum}, {@code const}, {@code default}, {@code examples} and property names are never touched.
 * The input is not modified. Recursion follows document depth: pass documents that went through the
 * engine's depth bound. Stateless and thread-safe.
 */
public final class DraftNormalizer {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<String> KEPT_BESIDE_REF = Set.of("$ref", "$defs", "definitions", "$id", "$schema", "$comment");

  private final SpecificationVersion draft;
  private final JsonNode root;
  private final Map<JsonNode, Boolean> positions = new IdentityHashMap<>();

  private DraftNormalizer(SpecificationVersion draft, JsonNode root) {
    this.draft = draft;
    this.root = root;
    SchemaPositions.forEach(root, (node, pointer) -> positions.put(node, Boolean.TRUE));
  }

  /**
   * @param schema       not null; not modified
   * @param defaultDraft the draft assumed when the root has no {@code $schema}; not null
   * @return a new tree in draft 2020-12 form
   * @throws IllegalArgumentException when {@code $schema} names a draft that is not supported
   */
  public static JsonNode toDraft2020(JsonNode schema, SpecificationVersion defaultDraft) {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(defaultDraft, "defaultDraft");
    SpecificationVersion draft = sourceDraft(schema, defaultDraft);
    DraftNormalizer normalizer = new DraftNormalizer(draft, schema);
    JsonNode result = normalizer.convert(schema);
    if (draft != SpecificationVersion.DRAFT_2020_12 && result instanceof ObjectNode object) {
      object.put("$schema", MetaSchemas.DRAFT_2020_12);
    }
    return result;
  }

  /** Same as {@code toDraft2020(schema, DRAFT_2020_12)}. */
  public static JsonNode toDraft2020(JsonNode schema) {
    return toDraft2020(schema, SpecificationVersion.DRAFT_2020_12);
  }

  /** @return the draft the root {@code $schema} names, or {@code defaultDraft} without one */
  public static SpecificationVersion sourceDraft(JsonNode schema, SpecificationVersion defaultDraft) {
    JsonNode declared = schema.isObject() ? schema.get("$schema") : null;
    if (declared == null) {
      return defaultDraft;
    }
    Optional<SpecificationVersion> dialect = declared.isString() ? MetaSchemas.dialect(declared.stringValue())
        : Optional.empty();
    return dialect.orElseThrow(() -> new IllegalArgumentException("unsupported $schema " + declared));
  }

  private boolean before(SpecificationVersion v) {
    return draft.getOrder() < v.getOrder();
  }

  private JsonNode convert(JsonNode node) {
    if (!node.isObject()) {
      return node.deepCopy();
    }
    ObjectNode out = NODES.objectNode();
    boolean legacyItems = before(SpecificationVersion.DRAFT_2020_12);
    JsonNode items = node.get("items");
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String key = e.getKey();
      JsonNode value = e.getValue();
      switch (key) {
        case "definitions", "$defs" -> {
          if (value.isObject()) {
            ObjectNode defs = out.has("$defs") ? (ObjectNode) out.get("$defs") : out.putObject("$defs");
            for (Map.Entry<String, JsonNode> d : value.properties()) {
              if ("$defs".equals(key) || !defs.has(d.getKey())) {
                defs.set(d.getKey(), convert(d.getValue()));
              }
            }
          } else {
            out.set(key, value.deepCopy());
          }
        }
        case "items" -> {
          if (legacyItems && value.isArray()) {
            out.set("prefixItems", convertAll(value));
          } else {
            out.set("items", convert(value));
          }
        }
        case "additionalItems" -> {
          if (!legacyItems) {
            out.set(key, value.deepCopy());
          } else if (items != null && items.isArray()) {
            out.set("items", convert(value));
          }
          // else: ignored by the source draft, so dropped
        }
        case "dependencies" -> {
          if (legacyItems && value.isObject()) {
            for (Map.Entry<String, JsonNode> d : value.properties()) {
              if (d.getValue().isArray()) {
                objectAt(out, "dependentRequired").set(d.getKey(), d.getValue().deepCopy());
              } else {
                objectAt(out, "dependentSchemas").set(d.getKey(), convert(d.getValue()));
              }
            }
          } else {
            out.set(key, value.deepCopy());
          }
        }
        case "$ref" -> out.set(key, value.isString() ? NODES.stringNode(rewriteRef(value.stringValue())) : value.deepCopy());
        case "id" -> {
          if (draft == SpecificationVersion.DRAFT_4 && value.isString()) {
            out.set("$id", value.deepCopy());
          } else {
            out.set(key, value.deepCopy());
          }
        }
        default -> {
          if (SchemaPositions.SINGLE.contains(key) || SchemaPositions.MAP.contains(key)
              || SchemaPositions.ARRAY.contains(key)) {
            out.set(key, convertChildren(key, value));
          } else {
            out.set(key, value.deepCopy());
          }
        }
      }
    }
    if (draft == SpecificationVersion.DRAFT_4) {
      exclusiveBound(node, out, "exclusiveMinimum", "minimum");
      exclusiveBound(node, out, "exclusiveMaximum", "maximum");
    }
    if (before(SpecificationVersion.DRAFT_2019_09) && node.has("$ref")) {
      List<String> drop = new ArrayList<>();
      for (String k : out.propertyNames()) {
        if (!KEPT_BESIDE_REF.contains(k)) {
          drop.add(k);
        }
      }
      drop.forEach(out::remove);
    }
    return out;
  }

  private static ObjectNode objectAt(ObjectNode out, String key) {
    return out.has(key) ? (ObjectNode) out.get(key) : out.putObject(key);
  }

  private JsonNode convertChildren(String keyword, JsonNode value) {
    if (SchemaPositions.SINGLE.contains(keyword)) {
      return SchemaPositions.isSchemaShaped(value) ? convert(value) : value.deepCopy();
    }
    if (SchemaPositions.ARRAY.contains(keyword)) {
      return value.isArray() ? convertAll(value) : value.deepCopy();
    }
    if (!value.isObject()) {
      return value.deepCopy();
    }
    ObjectNode map = NODES.objectNode();
    for (Map.Entry<String, JsonNode> m : value.properties()) {
      map.set(m.getKey(), SchemaPositions.isSchemaShaped(m.getValue()) ? convert(m.getValue()) : m.getValue().deepCopy());
    }
    return map;
  }

  private ArrayNode convertAll(JsonNode array) {
    ArrayNode out = NODES.arrayNode();
    for (JsonNode element : array.values()) {
      out.add(convert(element));
    }
    return out;
  }

  private static void exclusiveBound(JsonNode original, ObjectNode out, String exclusive, String bound) {
    JsonNode flag = original.get(exclusive);
    if (flag == null || !flag.isBoolean()) {
      return;
    }
    JsonNode limit = original.get(bound);
    out.remove(exclusive);
    if (flag.booleanValue() && limit != null && limit.isNumber()) {
      out.remove(bound);
      out.set(exclusive, limit.deepCopy());
    }
  }

  /** Rewrites a local JSON-pointer {@code $ref} through renamed keywords; other refs are unchanged. */
  private String rewriteRef(String ref) {
    if (!ref.startsWith("#/")) {
      return ref;
    }
    String[] tokens = ref.substring(2).split("/", -1);
    StringBuilder out = new StringBuilder("#");
    JsonNode node = root;
    boolean legacy = before(SpecificationVersion.DRAFT_2020_12);
    for (int i = 0; i < tokens.length; i++) {
      String token = tokens[i];
      String mapped = token;
      if (node != null && node.isObject() && positions.containsKey(node)) {
        JsonNode items = node.get("items");
        if ("definitions".equals(token)) {
          mapped = "$defs";
        } else if (legacy && "items".equals(token) && items != null && items.isArray()) {
          mapped = "prefixItems";
        } else if (legacy && "additionalItems".equals(token) && items != null && items.isArray()) {
          mapped = "items";
        } else if (legacy && "dependencies".equals(token) && i + 1 < tokens.length) {
          JsonNode dep = node.path("dependencies").get(unescape(tokens[i + 1]));
          mapped = dep != null && dep.isArray() ? "dependentRequired" : "dependentSchemas";
        }
      }
      out.append('/').append(mapped);
      node = node == null ? null : step(node, unescape(token));
    }
    return out.toString();
  }

  private static JsonNode step(JsonNode node, String token) {
    if (node.isObject()) {
      return node.get(token);
    }
    if (node.isArray()) {
      try {
        return node.get(Integer.parseInt(token));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static String unescape(String token) {
    return token.replace("~1", "/").replace("~0", "~");
  }
}
