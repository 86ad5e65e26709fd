package org.canonicalregistry.registry.audit;

import java.time.Instant;

/** A plain audited change for tests of the trail itself. */
record TestChange(String actor, String action, String target, String beforeFingerprint, String afterFingerprint,
                  Instant occurredAt) implements AuditedChange {

    static TestChange of(String actor, String action, String target, Instant at) {
        return new TestChange(actor, action, target, null, StateFingerprint.of(target + "@" + at), at);
    }
}
