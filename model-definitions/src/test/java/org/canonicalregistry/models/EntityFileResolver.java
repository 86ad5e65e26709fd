package org.canonicalregistry.models;

import java.util.Optional;
import java.util.Set;

import org.canonicalregistry.schema.ReferenceResolver;
import org.canonicalregistry.schema.SchemaReference;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves registry references from the sibling entity files: {@code urn:canonical:<entity>:1.0} is
 * {@code entities/<entity>.schema.json}, because the files in this module are the 1.0 line. Any other
 * version or an entity without a file is unknown ({@link Optional#empty()}), exactly as the registry
 * answers for a version it does not hold. Reads only inside {@code entities/}: the entity name comes from
 * the list of files, never from the reference text. Thread-safe (stateless).
 */
final class EntityFileResolver implements ReferenceResolver {

    static final int MAJOR = 1;
    static final int MINOR = 0;

    private final Set<String> entities = Set.copyOf(ModelFiles.entityNames());

    @Override
    public Optional<JsonNode> resolve(SchemaReference reference) {
        if (reference.major() != MAJOR || reference.minor() != MINOR || !entities.contains(reference.entity())) {
            return Optional.empty();
        }
        return Optional.of(JsonMapper.shared().readTree(ModelFiles.read(ModelFiles.schemaFile(reference.entity()))));
    }
}
