package org.canonicalregistry.registry.flow;

import java.io.StringReader;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads {@code ownership/*.yaml} files into a {@link Landscape}, remembering where each record and field came from so
 * every problem can name its file and line. Any file may hold any of the top-level lists {@code systems},
 * {@code systemsOfRecord}, {@code flows}, and the {@code owners.yaml} lists {@code teams}, {@code principals},
 * {@code entities} (read to check team codes and flow owners; entity ownership itself lives on the entities).
 * Unknown keys are problems, so a typo never passes silently. The YAML is composed, never constructed into objects,
 * with aliases bounded.
 */
final class OwnershipFiles {

    /** One file as posted: its path (only the name matters) and its text. */
    record SourceFile(String path, String content) {
    }

    /** One problem, located. {@code line} is 1-based; 0 when the problem concerns the file as a whole. */
    record Problem(String file, int line, String message) {
        /** As a problem document's {@code errors} item; {@code pointer} is the file's place in the request body. */
        Map<String, Object> toMap(List<String> paths) {
            int index = paths.indexOf(file);
            return Map.of("pointer", index < 0 ? "" : "/files/" + index, "file", file, "line", line, "message", message);
        }
    }

    record Origin(String file, int line, Map<String, Integer> fieldLines) {
        int lineOf(String field) {
            return field == null ? line : fieldLines.getOrDefault(field, line);
        }
    }

    /**
     * What the files said.
     *
     * @param kinds which record lists the files contained (a kind not mentioned keeps the store's records)
     * @param teams team codes from {@code teams}; empty when no file lists teams
     * @param principals principal names from {@code principals}; empty when no file lists them
     */
    record Parsed(Landscape landscape, Set<Violation.Kind> kinds, Map<Violation.Kind, List<Origin>> origins,
                  Set<String> teams, Set<String> principals, List<Problem> problems) {
    }

    private static final Set<String> SYSTEM_KEYS = Set.of("code", "name", "kind", "ownerTeam", "description", "lifecycle");
    private static final Set<String> SOR_KEYS = Set.of("entity", "system", "role", "scope", "rank");
    private static final Set<String> FLOW_KEYS = Set.of("id", "name", "entity", "consumesMajor", "source", "target",
            "trigger", "owner", "delivery", "freshnessSla", "lifecycle");

    private final List<ConnectedSystem> systems = new ArrayList<>();
    private final List<SystemOfRecord> sors = new ArrayList<>();
    private final List<DataFlow> flows = new ArrayList<>();
    private final Set<Violation.Kind> kinds = new LinkedHashSet<>();
    private final Map<Violation.Kind, List<Origin>> origins = new HashMap<>();
    private final Set<String> teams = new LinkedHashSet<>();
    private final Set<String> principals = new LinkedHashSet<>();
    private final List<Problem> problems = new ArrayList<>();

    private OwnershipFiles() {
        for (Violation.Kind k : Violation.Kind.values()) {
            origins.put(k, new ArrayList<>());
        }
    }

    static Parsed parse(List<SourceFile> files) {
        OwnershipFiles reader = new OwnershipFiles();
        for (SourceFile f : files) {
            reader.read(f);
        }
        return new Parsed(new Landscape(reader.systems, reader.sors, reader.flows), reader.kinds, reader.origins,
                reader.teams, reader.principals, reader.problems);
    }

    private void read(SourceFile file) {
        String name = file.path();
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(10);
            options.setAllowDuplicateKeys(false);
            root = new Yaml(new SafeConstructor(options)).compose(new StringReader(file.content()));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            problems.add(new Problem(name, line, "not valid YAML: " + e.getProblem()));
            return;
        } catch (RuntimeException e) {
            problems.add(new Problem(name, 0, "not valid YAML: " + e.getMessage()));
            return;
        }
        if (root == null) {
            return;
        }
        if (!(root instanceof MappingNode map)) {
            problems.add(new Problem(name, line(root), "the file must be a mapping of lists (systems, systemsOfRecord, flows…)"));
            return;
        }
        for (NodeTuple t : map.getValue()) {
            String key = scalar(t.getKeyNode());
            Node value = t.getValueNode();
            switch (String.valueOf(key)) {
                case "systems" -> items(name, value, key, n -> system(name, n));
                case "systemsOfRecord" -> items(name, value, key, n -> systemOfRecord(name, n));
                case "flows" -> items(name, value, key, n -> flow(name, n));
                case "teams" -> items(name, value, key, n -> {
                    Fields f = new Fields(name, n, Set.of("code", "name"));
                    if (f.ok) {
                        teams.add(f.text("code", true));
                    }
                    return null;
                });
                case "principals" -> items(name, value, key, n -> {
                    Fields f = new Fields(name, n, Set.of("name", "displayName", "email", "teams"));
                    if (f.ok) {
                        principals.add(f.text("name", true));
                    }
                    return null;
                });
                case "entities" -> {
                    // Entity ownership (owners, stewards, compatibility) is the entity feature's; not imported here.
                }
                default -> problems.add(new Problem(name, line(t.getKeyNode()), "unknown top-level key '" + key
                        + "'; expected systems, systemsOfRecord, flows, teams, principals or entities"));
            }
        }
    }

    private void items(String file, Node value, String key, Function<Node, Object> each) {
        switch (key) {
            case "systems" -> kinds.add(Violation.Kind.SYSTEM);
            case "systemsOfRecord" -> kinds.add(Violation.Kind.SYSTEM_OF_RECORD);
            case "flows" -> kinds.add(Violation.Kind.FLOW);
            default -> { }
        }
        if (value instanceof ScalarNode s && (s.getValue().isEmpty() || s.getValue().equals("null"))) {
            return;
        }
        if (!(value instanceof SequenceNode seq)) {
            problems.add(new Problem(file, line(value), "'" + key + "' must be a list"));
            return;
        }
        for (Node item : seq.getValue()) {
            each.apply(item);
        }
    }

    private Object system(String file, Node node) {
        Fields f = new Fields(file, node, SYSTEM_KEYS);
        if (!f.ok) {
            return null;
        }
        ConnectedSystem s = new ConnectedSystem(String.valueOf(f.text("code", true)), f.text("name", true),
                f.enumValue("kind", ConnectedSystem.Kind.class), f.text("ownerTeam", true), f.text("description", true),
                f.enumValue("lifecycle", Lifecycle.class));
        systems.add(s);
        origins.get(Violation.Kind.SYSTEM).add(f.origin());
        return s;
    }

    private Object systemOfRecord(String file, Node node) {
        Fields f = new Fields(file, node, SOR_KEYS);
        if (!f.ok) {
            return null;
        }
        SystemOfRecord s = new SystemOfRecord(String.valueOf(f.text("entity", true)),
                String.valueOf(f.text("system", true)), f.enumValue("role", SystemOfRecord.Role.class),
                f.texts("scope"), f.integer("rank", false));
        sors.add(s);
        origins.get(Violation.Kind.SYSTEM_OF_RECORD).add(f.origin());
        return s;
    }

    private Object flow(String file, Node node) {
        Fields f = new Fields(file, node, FLOW_KEYS);
        if (!f.ok) {
            return null;
        }
        Integer major = f.integer("consumesMajor", true);
        DataFlow.Trigger trigger = null;
        Fields t = f.nested("trigger", Set.of("type", "expression"), true);
        if (t != null) {
            trigger = new DataFlow.Trigger(t.enumValue("type", DataFlow.Trigger.Type.class), t.text("expression", true));
        }
        DataFlow.Delivery delivery = null;
        Fields d = f.nested("delivery", Set.of("maxRetries", "backoff", "deadLetterChannel", "replayable"), true);
        if (d != null) {
            Integer retries = d.integer("maxRetries", true);
            Boolean replayable = d.bool("replayable");
            delivery = new DataFlow.Delivery(retries == null ? 0 : retries, d.duration("backoff", true),
                    d.text("deadLetterChannel", false), replayable != null && replayable);
        }
        DataFlow.Freshness freshness = null;
        Fields s = f.nested("freshnessSla", Set.of("maxAge", "dailyBy"), true);
        if (s != null) {
            freshness = new DataFlow.Freshness(s.duration("maxAge", false), s.time("dailyBy"));
        }
        DataFlow flow = new DataFlow(String.valueOf(f.text("id", true)), f.text("name", true), f.text("entity", true),
                major == null ? 0 : major, f.text("source", true), f.text("target", true), trigger,
                f.text("owner", true), delivery, freshness, f.enumValue("lifecycle", Lifecycle.class));
        flows.add(flow);
        origins.get(Violation.Kind.FLOW).add(f.origin());
        return flow;
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    private static String scalar(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : null;
    }

    /**
     * The fields of one mapping node. A bad field adds a problem and reads as null; the rules then see the record
     * with that field missing, so a file with a typo still gets every other problem reported.
     */
    private final class Fields {
        final String file;
        final int line;
        final Map<String, Node> values = new HashMap<>();
        final Map<String, Integer> lines = new HashMap<>();
        final boolean ok;

        Fields(String file, Node node, Set<String> allowed) {
            this.file = file;
            this.line = line(node);
            if (!(node instanceof MappingNode map)) {
                problems.add(new Problem(file, line, "expected a mapping (key: value…)"));
                ok = false;
                return;
            }
            for (NodeTuple t : map.getValue()) {
                String key = scalar(t.getKeyNode());
                if (key == null || !allowed.contains(key)) {
                    problems.add(new Problem(file, line(t.getKeyNode()), "unknown key '" + key + "'; expected one of "
                            + allowed.stream().sorted().toList()));
                    continue;
                }
                values.put(key, t.getValueNode());
                lines.put(key, line(t.getValueNode()));
            }
            ok = true;
        }

        Origin origin() {
            return new Origin(file, line, Map.copyOf(lines));
        }

        private void problem(String key, String message) {
            problems.add(new Problem(file, lines.getOrDefault(key, line), key + ": " + message));
        }

        String text(String key, boolean required) {
            Node n = values.get(key);
            if (n == null) {
                return null; // a missing required value is reported by the rules, with the record's line
            }
            if (!(n instanceof ScalarNode s)) {
                problem(key, "must be a single value");
                return null;
            }
            // An unquoted empty value or null is no value; a quoted "" is the empty string.
            if (s.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN
                    && (s.getValue().isEmpty() || s.getValue().equals("null") || s.getValue().equals("~"))) {
                return null;
            }
            return s.getValue();
        }

        Integer integer(String key, boolean required) {
            String v = text(key, required);
            if (v == null) {
                return null;
            }
            try {
                return Integer.valueOf(v);
            } catch (NumberFormatException e) {
                problem(key, "'" + v + "' is not a whole number");
                return null;
            }
        }

        Boolean bool(String key) {
            String v = text(key, false);
            if (v == null) {
                return null;
            }
            if (!v.equals("true") && !v.equals("false")) {
                problem(key, "'" + v + "' is not true or false");
                return null;
            }
            return Boolean.valueOf(v);
        }

        <E extends Enum<E>> E enumValue(String key, Class<E> type) {
            String v = text(key, true);
            if (v == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, v.toUpperCase(Locale.ROOT).equals(v) ? v : "?");
            } catch (IllegalArgumentException e) {
                List<String> allowed = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
                problem(key, "'" + v + "' is not one of " + allowed);
                return null;
            }
        }

        Duration duration(String key, boolean required) {
            String v = text(key, required);
            if (v == null) {
                return null;
            }
            try {
                return Duration.parse(v);
            } catch (DateTimeParseException e) {
                problem(key, "'" + v + "' is not an ISO-8601 duration such as PT15M");
                return null;
            }
        }

        LocalTime time(String key) {
            String v = text(key, false);
            if (v == null) {
                return null;
            }
            if (!v.matches("^([01][0-9]|2[0-3]):[0-5][0-9]$")) {
                problem(key, "'" + v + "' is not a time HH:mm (quote it in YAML: \"04:00\")");
                return null;
            }
            return LocalTime.parse(v);
        }

        List<String> texts(String key) {
            Node n = values.get(key);
            if (n == null) {
                return List.of();
            }
            if (!(n instanceof SequenceNode seq)) {
                problem(key, "must be a list");
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (Node item : seq.getValue()) {
                if (item instanceof ScalarNode s) {
                    out.add(s.getValue());
                } else {
                    problem(key, "items must be single values");
                }
            }
            return out;
        }

        Fields nested(String key, Set<String> allowed, boolean required) {
            Node n = values.get(key);
            if (n == null) {
                return null;
            }
            Fields f = new Fields(file, n, allowed);
            return f.ok ? f : null;
        }
    }
}
