package org.canonicalregistry.registry.audit;

import java.time.Instant;

/**
 * A change to the registry's state, published as a Spring application event inside the transaction that makes it.
 * The audit trail appends exactly one hash-chained event per {@code AuditedChange}, in the same transaction, so no
 * change is stored without its audit row and a rolled-back change leaves none.
 */
public interface AuditedChange {

    /** Name of the principal who made the change ({@code system} for the registry itself). */
    String actor();

    /** Dotted verb, stable for filtering: {@code entity.created}, {@code proposal.approved}… */
    String action();

    /** What changed, as {@code kind:id}: {@code entity:customer}, {@code proposal:42}, {@code schema-version:customer@1.2}. */
    String target();

    /** SHA-256 (hex) of the target's state before the change; null when the change created it. */
    String beforeFingerprint();

    /** SHA-256 (hex) of the target's state after the change; null when the change deleted it. */
    String afterFingerprint();

    /** When the change happened, from the registry's clock. */
    Instant occurredAt();
}
