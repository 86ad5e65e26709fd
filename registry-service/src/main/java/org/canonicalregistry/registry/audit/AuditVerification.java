package org.canonicalregistry.registry.audit;

/**
 * The verdict of recomputing the audit chain.
 *
 * @param valid true when every event up to the chain head is intact and linked
 * @param checked events verified intact (before the first broken link, or all when valid)
 * @param firstBrokenSequence the sequence number of the first broken link; null when valid
 * @param reason why that link is broken; null when valid
 */
public record AuditVerification(boolean valid, long checked, Long firstBrokenSequence, String reason) {

    static AuditVerification intact(long checked) {
        return new AuditVerification(true, checked, null, null);
    }

    static AuditVerification broken(long checked, long sequence, String reason) {
        return new AuditVerification(false, checked, sequence, reason);
    }
}
