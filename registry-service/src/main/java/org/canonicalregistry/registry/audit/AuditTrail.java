package org.canonicalregistry.registry.audit;

import java.util.List;
import org.canonicalregistry.registry.audit.AuditRepository.ChainHead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail: appends one hash-chained {@link AuditEvent} for every {@link AuditedChange} published in the
 * application, lists events and verifies the chain. Thread-safe.
 *
 * <p>Appends are linear under concurrency: each one locks the single {@code audit_chain_head} row
 * ({@code SELECT ... FOR UPDATE}), so concurrent writers get consecutive sequence numbers and each links to the
 * hash the previous committed append left there. The lock is held until the writing transaction commits, which
 * serialises the tail end of concurrent mutations; the registry's write rate (governance, not traffic) makes that
 * the right trade for a chain without forks.
 */
@Service
public class AuditTrail {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    /** Page bound for listing; the API enforces the same maximum. */
    static final int MAX_PAGE_SIZE = 200;

    private final AuditRepository repository;
    private final int verifyPageSize;

    AuditTrail(AuditRepository repository, @Value("${registry.audit.verify-page-size:1000}") int verifyPageSize) {
        if (verifyPageSize < 1) {
            throw new IllegalArgumentException("registry.audit.verify-page-size must be at least 1, was " + verifyPageSize);
        }
        this.repository = repository;
        this.verifyPageSize = verifyPageSize;
    }

    /**
     * Appends the change to the chain inside the publisher's transaction (so a rollback removes it too).
     * Runs before any other listener of the same event.
     *
     * @throws org.springframework.transaction.IllegalTransactionStateException when no transaction is running:
     *         publishing a change outside its transaction is a bug, and it must not go unaudited silently
     */
    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(AuditedChange change) {
        ChainHead head = repository.lockHead();
        AuditEvent event = AuditEvent.link(head.lastSequence() + 1, change, head.lastHash());
        repository.append(event);
    }

    /** Matching events, newest first; {@code limit} is clamped to 1..{@link #MAX_PAGE_SIZE}. */
    @Transactional(readOnly = true)
    public AuditPage list(AuditQuery query, int limit) {
        int size = Math.max(1, Math.min(MAX_PAGE_SIZE, limit));
        List<AuditEvent> found = repository.find(query, size + 1);
        if (found.size() <= size) {
            return new AuditPage(found, null);
        }
        List<AuditEvent> page = found.subList(0, size);
        return new AuditPage(page, page.get(size - 1).sequence());
    }

    /**
     * Recomputes the chain from the first event to the head as read at the start, {@code verify-page-size} events
     * per query (memory stays bounded on any table size; events appended meanwhile are left for the next check).
     * Stops at the first broken link: a missing or out-of-place sequence number, a {@code previousHash} that is not
     * the previous event's hash, a stored hash that does not match the event's fields, or a head that points past
     * the last event or at another hash (the newest events were deleted).
     */
    public AuditVerification verify() {
        ChainHead head = repository.head();
        long expected = 1;
        String previousHash = AuditEvent.GENESIS_HASH;
        chain:
        while (expected <= head.lastSequence()) {
            List<AuditEvent> page = repository.chainAfter(expected - 1, verifyPageSize);
            if (page.isEmpty()) {
                break;
            }
            for (AuditEvent event : page) {
                if (event.sequence() > head.lastSequence()) {
                    break chain; // appended after this check started, or a gap up to the head (reported below)
                }
                long checked = expected - 1;
                if (event.sequence() != expected) {
                    return broken(checked, expected, "event " + expected + " is missing (the next stored event is "
                            + event.sequence() + ")");
                }
                if (!event.previousHash().equals(previousHash)) {
                    return broken(checked, expected, "event " + expected + " does not link to its predecessor: "
                            + "previousHash is " + event.previousHash() + ", the previous event hashes to " + previousHash);
                }
                String recomputed = event.recomputedHash();
                if (!recomputed.equals(event.hash())) {
                    return broken(checked, expected, "event " + expected + " was altered: its fields hash to "
                            + recomputed + ", the stored hash is " + event.hash());
                }
                previousHash = event.hash();
                expected++;
            }
        }
        long checked = expected - 1;
        if (checked < head.lastSequence()) {
            return broken(checked, expected, "event " + expected + " is missing: the chain head says the last event is "
                    + head.lastSequence() + " but the chain ends at " + checked);
        }
        if (!previousHash.equals(head.lastHash())) {
            return broken(checked, head.lastSequence(), "the chain head records hash " + head.lastHash()
                    + " for event " + head.lastSequence() + ", which hashes to " + previousHash);
        }
        return AuditVerification.intact(checked);
    }

    private static AuditVerification broken(long checked, long sequence, String reason) {
        log.warn("audit chain broken at event {}: {}", sequence, reason);
        return AuditVerification.broken(checked, sequence, reason);
    }
}
