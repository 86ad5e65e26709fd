package org.canonicalregistry.registry.security;

/**
 * What a principal may do in the registry. Ownership of a particular entity or flow is recorded on that entity or
 * flow, not here: {@link #OWNER} says the principal takes part in approvals at all.
 */
public enum Role {
    /** Creates entities, changes owners and roles, approves any change (recorded as an admin approval). */
    ADMIN,
    /** Owns entities or flows: changes their policy and approves changes to them. */
    OWNER,
    /** Proposes schema changes. */
    DEVELOPER,
    /** Reads everything readable. */
    READER,
    /** A hub adapter: reads schemas and reports flow runs. */
    ADAPTER
}
