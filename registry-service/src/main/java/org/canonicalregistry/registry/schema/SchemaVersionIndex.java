package org.canonicalregistry.registry.schema;

import java.util.Optional;

import org.canonicalregistry.registry.entity.EntityVersionIndex;
import org.springframework.stereotype.Component;

/** Answers the entity feature's question about an entity's newest version from the schema store. */
@Component
class SchemaVersionIndex implements EntityVersionIndex {

    private final SchemaVersionService versions;

    SchemaVersionIndex(SchemaVersionService versions) {
        this.versions = versions;
    }

    @Override
    public Optional<String> latestVersion(String entity) {
        return versions.find(entity, VersionSelector.latest()).map(SchemaVersion::version);
    }
}
