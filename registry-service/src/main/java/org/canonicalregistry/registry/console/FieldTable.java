package org.canonicalregistry.registry.console;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import tools.jackson.databind.JsonNode;

/**
 * A JSON Schema (draft 2020-12) as a table of fields, for owners who read fields rather than schema keywords.
 *
 * <p>Why a table: an owner reviewing a version wants "address.city, string, required", not nested
 * {@code properties} objects. The walk goes depth-first in document order through {@code properties}; an
 * array's item fields sit below it as {@code tags[].label}. A local {@code $ref} to {@code #/$defs/X} (or
 * {@code #/definitions/X}) is shown as type {@code X} and its definition's fields are expanded below, except a
 * definition already being expanded on the current path, so a recursive schema ends. A reference to another
 * registry entity ({@code customer@1.0}) or any other non-local reference is shown as written and not
 * followed: the table never fetches anything. {@code allOf} members' fields are merged in; {@code oneOf} and
 * {@code anyOf} only show their alternatives' types, since their fields are not all present at once.
 *
 * <p>Texts ({@code description} and others) are returned verbatim; escaping them is the template's job. The
 * table is bounded: at most {@value #MAX_ROWS} rows, nesting depth below {@value #MAX_DEPTH} and
 * {@value #MAX_VISITS} schemas visited; a longer enum lists its first {@value #MAX_ENUM_VALUES} values.
 */
final class FieldTable {

    static final int MAX_ROWS = 2_000;
    static final int MAX_DEPTH = 32;
    static final int MAX_ENUM_VALUES = 20;
    /** Schemas visited at most: bounds the work on definitions that fan out without adding rows. */
    static final int MAX_VISITS = 20_000;

    /**
     * One field.
     *
     * @param path dotted path from the root, {@code []} after an array's name ({@code tags[].label})
     * @param depth nesting level, 0 for a top-level property
     * @param type readable type text ({@code string}, {@code integer | null}, {@code array of string},
     *     {@code enum: a, b}, a definition's name, a reference as written)
     * @param required whether the enclosing object's {@code required} lists the field
     * @param format {@code format}, or null
     * @param description {@code description} verbatim, or null
     * @param classification {@code x-classification}, or null
     */
    public record Field(String path, int depth, String name, String type, boolean required, String format,
                 String description, String classification) {
        public Field {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }
    }

    private final JsonNode root;
    private final List<Field> out = new ArrayList<>();
    private final Deque<String> expanding = new ArrayDeque<>();
    private int visits;

    private FieldTable(JsonNode root) {
        this.root = root;
    }

    /**
     * The fields of {@code schema}, in document order, depth-first.
     *
     * @param schema a JSON Schema document; a schema without {@code properties} gives an empty list
     */
    static List<Field> of(JsonNode schema) {
        Objects.requireNonNull(schema, "schema");
        FieldTable table = new FieldTable(schema);
        table.children(schema, "", 0);
        return List.copyOf(table.out);
    }

    /** Adds the fields nested in {@code schema} below {@code path}, at {@code depth}. */
    private void children(JsonNode schema, String path, int depth) {
        if (!schema.isObject() || depth >= MAX_DEPTH || out.size() >= MAX_ROWS || ++visits > MAX_VISITS) {
            return;
        }
        String definition = localDefinition(schema.get("$ref"));
        if (definition != null && !expanding.contains(definition)) {
            JsonNode target = root.path(definition.substring(0, definition.indexOf('/')))
                    .path(definition.substring(definition.indexOf('/') + 1));
            expanding.push(definition);
            children(target, path, depth);
            expanding.pop();
        }
        JsonNode allOf = schema.get("allOf");
        if (allOf != null && allOf.isArray()) {
            for (JsonNode member : allOf) {
                children(member, path, depth);
            }
        }
        JsonNode properties = schema.get("properties");
        if (properties != null && properties.isObject()) {
            Set<String> required = new HashSet<>();
            JsonNode names = schema.get("required");
            if (names != null && names.isArray()) {
                for (JsonNode n : names) {
                    if (n.isString()) {
                        required.add(n.asString());
                    }
                }
            }
            for (Map.Entry<String, JsonNode> e : properties.properties()) {
                if (out.size() >= MAX_ROWS) {
                    return;
                }
                String name = e.getKey();
                JsonNode property = e.getValue();
                String fieldPath = path.isEmpty() ? name : path + "." + name;
                out.add(new Field(fieldPath, depth, name, type(property), required.contains(name),
                        text(property, "format"), text(property, "description"),
                        text(property, "x-classification")));
                children(property, fieldPath, depth + 1);
            }
        }
        JsonNode items = schema.get("items");
        if (items != null) {
            children(items, path + "[]", depth);
        }
    }

    /** {@code $defs/X} or {@code definitions/X} for a reference to a local definition, else null. */
    private static String localDefinition(JsonNode ref) {
        if (ref == null || !ref.isString()) {
            return null;
        }
        String text = ref.asString();
        for (String container : List.of("$defs", "definitions")) {
            String prefix = "#/" + container + "/";
            if (text.startsWith(prefix) && text.length() > prefix.length()
                    && text.indexOf('/', prefix.length()) < 0) {
                String name = text.substring(prefix.length()).replace("~1", "/").replace("~0", "~");
                return container + "/" + name;
            }
        }
        return null;
    }

    /** The readable type of one property schema. */
    private static String type(JsonNode schema) {
        if (schema.isBoolean()) {
            return schema.booleanValue() ? "any" : "nothing";
        }
        if (!schema.isObject()) {
            return "any";
        }
        JsonNode ref = schema.get("$ref");
        if (ref != null && ref.isString()) {
            String definition = localDefinition(ref);
            return definition == null ? ref.asString() : definition.substring(definition.indexOf('/') + 1);
        }
        if (schema.has("const")) {
            return "const: " + value(schema.get("const"));
        }
        JsonNode values = schema.get("enum");
        if (values != null && values.isArray()) {
            StringJoiner joined = new StringJoiner(", ", "enum: ", "");
            int shown = 0;
            for (JsonNode v : values) {
                if (shown++ == MAX_ENUM_VALUES) {
                    joined.add("…");
                    break;
                }
                joined.add(value(v));
            }
            return joined.toString();
        }
        for (String keyword : List.of("oneOf", "anyOf", "allOf")) {
            JsonNode alternatives = schema.get(keyword);
            if (alternatives != null && alternatives.isArray() && alternatives.size() > 0) {
                StringJoiner joined = new StringJoiner(", ", switch (keyword) {
                    case "oneOf" -> "one of: ";
                    case "anyOf" -> "any of: ";
                    default -> "all of: ";
                }, "");
                for (JsonNode alternative : alternatives) {
                    joined.add(type(alternative));
                }
                return joined.toString();
            }
        }
        JsonNode type = schema.get("type");
        if (type != null && type.isString()) {
            return "array".equals(type.asString()) ? array(schema) : type.asString();
        }
        if (type != null && type.isArray() && type.size() > 0) {
            StringJoiner joined = new StringJoiner(" | ");
            for (JsonNode t : type) {
                joined.add(t.isString() ? t.asString() : t.toString());
            }
            return joined.toString();
        }
        if (schema.has("properties")) {
            return "object";
        }
        if (schema.has("items")) {
            return array(schema);
        }
        return "any";
    }

    private static String array(JsonNode schema) {
        JsonNode items = schema.get("items");
        return items == null ? "array" : "array of " + type(items);
    }

    /** A value as an owner reads it: strings without quotes, anything else as JSON. */
    private static String value(JsonNode v) {
        return v.isString() ? v.asString() : v.toString();
    }

    private static String text(JsonNode schema, String keyword) {
        JsonNode v = schema.isObject() ? schema.get(keyword) : null;
        if (v == null || v.isNull()) {
            return null;
        }
        return value(v);
    }
}
