package org.canonicalregistry.registry.schema;

import java.util.Optional;
import org.canonicalregistry.schema.ReferenceResolver;
import org.canonicalregistry.schema.SchemaReference;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Resolves {@code urn:canonical:<entity>:<M>.<m>} from the registry's own store and nowhere else. Any state
 * resolves (a RETIRED version stays referable: existing schemas that point to it must keep loading).
 * Uses the caller's transaction when there is one.
 */
@Component
class StoredReferences implements ReferenceResolver {

    private final SchemaVersionRepository repository;
    private final JsonMapper json;

    StoredReferences(SchemaVersionRepository repository, JsonMapper json) {
        this.repository = repository;
        this.json = json;
    }

    @Override
    public Optional<JsonNode> resolve(SchemaReference ref) {
        return repository.find(ref.entity(), ref.major(), ref.minor()).map(v -> json.readTree(v.canonicalJson()));
    }
}
