package org.canonicalregistry.registry.webhook;

/** Where a delivery stands. */
enum DeliveryStatus {
    /** Waiting for its next attempt, or in flight under a lease. */
    PENDING,
    /** The receiver answered 2xx. */
    DELIVERED,
    /** Attempts exhausted, or the address is refused. */
    FAILED
}
