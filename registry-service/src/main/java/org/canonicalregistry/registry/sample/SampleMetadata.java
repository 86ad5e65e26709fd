package org.canonicalregistry.registry.sample;

import java.util.Set;

/**
 * Entity metadata read from {@code canonical-models/ownership/*.yaml}; every field may be null (= default).
 */
record SampleMetadata(String domain, String description, Set<String> owners, String compatibility, String systemOfRecord) {

    static final SampleMetadata NONE = new SampleMetadata(null, null, null, null, null);

    SampleMetadata {
        owners = owners == null ? null : Set.copyOf(owners);
    }

    /** Field-wise merge: this record's values win, {@code other} fills the gaps. */
    SampleMetadata orElse(SampleMetadata other) {
        return new SampleMetadata(domain != null ? domain : other.domain,
                description != null ? description : other.description,
                owners != null ? owners : other.owners,
                compatibility != null ? compatibility : other.compatibility,
                systemOfRecord != null ? systemOfRecord : other.systemOfRecord);
    }
}
