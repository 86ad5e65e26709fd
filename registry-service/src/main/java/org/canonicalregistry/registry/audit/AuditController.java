package org.canonicalregistry.registry.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.canonicalregistry.registry.api.AuditApi;
import org.canonicalregistry.registry.api.model.AuditEventPage;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/audit}: list and verify the audit trail. Both are reads: they follow
 * {@code registry.security.reads} like every other read, so any principal (READER included) may read the trail,
 * anonymously when reads are open. Events hold names, actions, targets and fingerprints, never content or secrets.
 */
@RestController
class AuditController implements AuditApi {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public ResponseEntity<AuditEventPage> listAuditEvents(String target, String actor, String action,
            OffsetDateTime from, OffsetDateTime to, Long before, Integer limit) {
        AuditPage page = trail.list(new AuditQuery(target, actor, action,
                from == null ? null : from.toInstant(), to == null ? null : to.toInstant(), before),
                limit == null ? 50 : limit);
        AuditEventPage body = new AuditEventPage(page.events().stream().map(AuditController::toApi).toList());
        body.setNextBefore(page.nextBefore());
        return ResponseEntity.ok(body);
    }

    @Override
    public ResponseEntity<org.canonicalregistry.registry.api.model.AuditVerification> verifyAuditChain() {
        AuditVerification verdict = trail.verify();
        var body = new org.canonicalregistry.registry.api.model.AuditVerification(verdict.valid(), verdict.checked());
        body.setFirstBrokenSequence(verdict.firstBrokenSequence());
        body.setReason(verdict.reason());
        return ResponseEntity.ok(body);
    }

    private static org.canonicalregistry.registry.api.model.AuditEvent toApi(AuditEvent e) {
        var api = new org.canonicalregistry.registry.api.model.AuditEvent(e.sequence(),
                e.occurredAt().atOffset(ZoneOffset.UTC), e.actor(), e.action(), e.target(), e.previousHash(), e.hash());
        api.setBeforeFingerprint(e.beforeFingerprint());
        api.setAfterFingerprint(e.afterFingerprint());
        return api;
    }
}
