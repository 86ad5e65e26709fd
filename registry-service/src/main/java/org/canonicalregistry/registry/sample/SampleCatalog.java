package org.canonicalregistry.registry.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.canonicalregistry.schema.SchemaReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds the sample models on the classpath and puts them in dependency order. Knows nothing about storage.
 * Entity names come from the file names ({@code customer.schema.json} → {@code customer}); the order comes from
 * the schemas' {@code urn:canonical:} references, never from a hard-coded list. Ownership YAML is read tolerantly:
 * any mapping that names a sample entity ({@code entity:} or {@code name:}) contributes the fields it has.
 */
final class SampleCatalog {

    static final String ENTITIES = "classpath*:canonical-models/entities/*.schema.json";
    static final String OWNERSHIP = "classpath*:canonical-models/ownership/*.yaml";
    private static final String SUFFIX = ".schema.json";
    private static final Logger LOG = LoggerFactory.getLogger(SampleCatalog.class);

    private final ResourcePatternResolver resources;
    private final JsonMapper json;

    SampleCatalog(ClassLoader classLoader, JsonMapper json) {
        this.resources = new PathMatchingResourcePatternResolver(classLoader);
        this.json = json;
    }

    /** The sample models, each after every sample it references. */
    List<SampleModel> modelsInDependencyOrder() {
        Map<String, SampleModel> byName = new TreeMap<>();
        for (Resource r : find(ENTITIES)) {
            String file = r.getFilename();
            if (file == null || !file.endsWith(SUFFIX)) {
                continue;
            }
            String entity = file.substring(0, file.length() - SUFFIX.length());
            byte[] bytes = read(r);
            Set<String> deps = new TreeSet<>();
            collectReferences(json.readTree(bytes), deps);
            deps.remove(entity);
            byName.putIfAbsent(entity, new SampleModel(entity, file, bytes, deps));
        }
        return order(byName);
    }

    /** Kahn's algorithm with alphabetical tie-break, so the order is deterministic. */
    static List<SampleModel> order(Map<String, SampleModel> byName) {
        Map<String, Integer> waitingOn = new HashMap<>();
        Map<String, List<String>> dependents = new HashMap<>();
        for (SampleModel m : byName.values()) {
            int count = 0;
            for (String dep : m.dependsOn()) {
                if (byName.containsKey(dep)) {
                    count++;
                    dependents.computeIfAbsent(dep, k -> new ArrayList<>()).add(m.entity());
                }
            }
            waitingOn.put(m.entity(), count);
        }
        TreeSet<String> ready = new TreeSet<>();
        waitingOn.forEach((name, n) -> {
            if (n == 0) {
                ready.add(name);
            }
        });
        List<SampleModel> ordered = new ArrayList<>();
        while (!ready.isEmpty()) {
            String next = ready.pollFirst();
            ordered.add(byName.get(next));
            for (String d : dependents.getOrDefault(next, List.of())) {
                if (waitingOn.merge(d, -1, Integer::sum) == 0) {
                    ready.add(d);
                }
            }
        }
        if (ordered.size() != byName.size()) {
            Set<String> cyclic = new TreeSet<>(byName.keySet());
            ordered.forEach(m -> cyclic.remove(m.entity()));
            throw new IllegalStateException("sample models reference each other in a cycle: " + cyclic);
        }
        return ordered;
    }

    private static void collectReferences(JsonNode node, Set<String> into) {
        Deque<JsonNode> todo = new ArrayDeque<>();
        todo.push(node);
        while (!todo.isEmpty()) {
            JsonNode n = todo.pop();
            if (n.isObject()) {
                JsonNode ref = n.get("$ref");
                if (ref != null && ref.isString()) {
                    SchemaReference.parse(ref.asString()).ifPresent(r -> into.add(r.entity()));
                }
            }
            if (n.isContainer()) {
                n.values().forEach(todo::push);
            }
        }
    }

    /** The ownership files' text by file name, in name order; an unreadable file is left out with a warning. */
    Map<String, String> ownershipFiles() {
        Map<String, String> out = new TreeMap<>();
        for (Resource r : find(OWNERSHIP)) {
            try (InputStream in = r.getInputStream()) {
                out.put(String.valueOf(r.getFilename()), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            } catch (IOException e) {
                LOG.warn("Ignoring unreadable ownership file {}: {}", r.getFilename(), e.getMessage());
            }
        }
        return out;
    }

    /** Metadata per entity name, merged over every ownership file (first file in name order wins per field). */
    Map<String, SampleMetadata> metadata(Collection<String> entities) {
        Map<String, SampleMetadata> result = new HashMap<>();
        Set<String> names = Set.copyOf(entities);
        for (Object document : ownershipDocuments()) {
            walk(document, names, result);
        }
        return result;
    }

    /**
     * The people listed under {@code principals:} in the ownership files, by name (first file in name order wins).
     * Entries without a string {@code name} are skipped.
     */
    Map<String, SamplePerson> people() {
        Map<String, SamplePerson> result = new HashMap<>();
        for (Object document : ownershipDocuments()) {
            if (document instanceof Map<?, ?> map && map.get("principals") instanceof List<?> list) {
                for (Object item : list) {
                    if (item instanceof Map<?, ?> person && text(person.get("name")) != null) {
                        result.putIfAbsent(text(person.get("name")), new SamplePerson(text(person.get("name")),
                                text(person.get("displayName")), text(person.get("email"))));
                    }
                }
            }
        }
        return result;
    }

    /**
     * Every YAML document of the ownership files, files in name order. Ownership data is a nicety: a broken file is
     * left out with a warning rather than stopping the schemas from being imported.
     */
    private List<Object> ownershipDocuments() {
        List<Resource> files = new ArrayList<>(List.of(find(OWNERSHIP)));
        files.sort((a, b) -> String.valueOf(a.getFilename()).compareTo(String.valueOf(b.getFilename())));
        List<Object> documents = new ArrayList<>();
        for (Resource r : files) {
            try (InputStream in = r.getInputStream()) {
                List<Object> parsed = new ArrayList<>();
                new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(in).forEach(parsed::add);
                documents.addAll(parsed);
            } catch (RuntimeException | IOException e) {
                LOG.warn("Ignoring unreadable ownership file {}: {}", r.getFilename(), e.getMessage());
            }
        }
        return documents;
    }

    private static void walk(Object node, Set<String> entities, Map<String, SampleMetadata> into) {
        if (node instanceof Map<?, ?> map) {
            Object named = map.containsKey("entity") ? map.get("entity") : map.get("name");
            if (named instanceof String entity && entities.contains(entity)) {
                into.merge(entity, describe(map), SampleMetadata::orElse);
            }
            for (Map.Entry<?, ?> e : map.entrySet()) {
                // Also accept `customer: {domain: …}` keyed mappings.
                if (e.getKey() instanceof String key && entities.contains(key) && e.getValue() instanceof Map<?, ?> inner) {
                    into.merge(key, describe(inner), SampleMetadata::orElse);
                }
                walk(e.getValue(), entities, into);
            }
        } else if (node instanceof List<?> list) {
            list.forEach(item -> walk(item, entities, into));
        }
    }

    private static SampleMetadata describe(Map<?, ?> map) {
        String sor = text(map.get("systemOfRecord"));
        if (sor == null) {
            sor = text(map.get("system-of-record"));
        }
        // A systems-of-record entry: the AUTHORITATIVE system for the whole entity (no scope) is the system of record.
        if (sor == null && "AUTHORITATIVE".equals(text(map.get("role"))) && !map.containsKey("scope")) {
            sor = text(map.get("system"));
        }
        Set<String> owners = null;
        if (map.get("owners") instanceof List<?> list) {
            owners = new LinkedHashSet<>();
            for (Object o : list) {
                if (o instanceof String s) {
                    owners.add(s);
                }
            }
        }
        String compatibility = text(map.get("compatibility"));
        if (compatibility == null) {
            compatibility = text(map.get("compatibilityMode"));
        }
        return new SampleMetadata(text(map.get("domain")), text(map.get("description")), owners, compatibility, sor);
    }

    private static String text(Object value) {
        return value instanceof String s && !s.isBlank() ? s : null;
    }

    private Resource[] find(String pattern) {
        try {
            return resources.getResources(pattern);
        } catch (IOException e) {
            LOG.warn("Cannot list {}: {}", pattern, e.getMessage());
            return new Resource[0];
        }
    }

    private static byte[] read(Resource r) {
        try (InputStream in = r.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sample model " + r.getDescription(), e);
        }
    }
}
