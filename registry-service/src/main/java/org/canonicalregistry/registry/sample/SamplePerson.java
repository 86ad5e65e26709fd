package org.canonicalregistry.registry.sample;

/** A person from the {@code principals:} list of an ownership file; display name and email may be null. */
record SamplePerson(String name, String displayName, String email) {
}
