package org.canonicalregistry.registry.flow;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.canonicalregistry.registry.audit.StateFingerprint;
import org.canonicalregistry.registry.entity.Entity;
import org.canonicalregistry.registry.entity.EntityService;
import org.canonicalregistry.registry.problem.InvalidField;
import org.canonicalregistry.registry.problem.ProblemType;
import org.canonicalregistry.registry.problem.RegistryException;
import org.canonicalregistry.registry.security.AccessPolicy;
import org.canonicalregistry.registry.security.Principal;
import org.canonicalregistry.registry.security.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Systems, systems of record and flows: reads for anyone, writes authorized with {@link AccessPolicy} (ADMIN manages
 * systems, systems of record and flows; a flow's owner may also change that flow) and audited with one
 * {@link OwnershipChanged} per record, in the writing transaction. Every write locks the landscape and judges the
 * whole prospective landscape with {@link OwnershipRules}, so a refused write leaves the store unchanged.
 */
@Service
public class OwnershipService {

    private final OwnershipRepository repository;
    private final EntityService entities;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OwnershipService(OwnershipRepository repository, EntityService entities, ApplicationEventPublisher events,
                     Clock clock) {
        this.repository = repository;
        this.entities = entities;
        this.events = events;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- reads

    @Transactional(readOnly = true)
    public List<ConnectedSystem> systems() {
        return repository.systems();
    }

    /** @throws RegistryException SYSTEM_NOT_FOUND */
    @Transactional(readOnly = true)
    public ConnectedSystem system(String code) {
        return repository.system(code).orElseThrow(() -> systemNotFound(code));
    }

    /** @param entity null for every entity */
    @Transactional(readOnly = true)
    public List<SystemOfRecord> systemsOfRecord(String entity) {
        return repository.systemsOfRecord(entity);
    }

    /** Flows matching every filter given (null = any); {@code system} matches source or target. */
    @Transactional(readOnly = true)
    public List<DataFlow> flows(String entity, String system, String owner) {
        return repository.flows().stream()
                .filter(f -> entity == null || f.entity().equals(entity))
                .filter(f -> system == null || f.source().equals(system) || f.target().equals(system))
                .filter(f -> owner == null || f.owner().equals(owner))
                .toList();
    }

    /** @throws RegistryException FLOW_NOT_FOUND */
    @Transactional(readOnly = true)
    public DataFlow flow(String id) {
        return repository.flow(id).orElseThrow(() -> flowNotFound(id));
    }

    @Transactional(readOnly = true)
    Landscape landscape() {
        return repository.load();
    }

    // ---------------------------------------------------------------- writes

    /** ADMIN. @throws RegistryException FORBIDDEN, VALIDATION_FAILED, CONFLICT (code taken) */
    @Transactional
    public ConnectedSystem createSystem(Principal principal, ConnectedSystem system) {
        AccessPolicy.requireAnyRole(principal, "register system " + RegistryException.quoted(system.code()), Role.ADMIN);
        Landscape current = lockAndLoad();
        if (current.systemsByCode().containsKey(system.code())) {
            throw new RegistryException(ProblemType.CONFLICT, "system " + RegistryException.quoted(system.code())
                    + " already exists; change it with PUT", Map.of("system", system.code()));
        }
        judge(current.with(system), Violation.Kind.SYSTEM, system.code());
        Instant now = clock.instant();
        repository.upsert(system, now);
        publish(principal, "system.created", "system:" + system.code(), null, system, now);
        return system;
    }

    /** ADMIN. @throws RegistryException FORBIDDEN, SYSTEM_NOT_FOUND, VALIDATION_FAILED, CONFLICT */
    @Transactional
    public ConnectedSystem updateSystem(Principal principal, ConnectedSystem system) {
        AccessPolicy.requireAnyRole(principal, "change system " + RegistryException.quoted(system.code()), Role.ADMIN);
        Landscape current = lockAndLoad();
        ConnectedSystem before = current.systemsByCode().get(system.code());
        if (before == null) {
            throw systemNotFound(system.code());
        }
        if (before.equals(system)) {
            return before;
        }
        judge(current.with(system), Violation.Kind.SYSTEM, system.code());
        Instant now = clock.instant();
        repository.upsert(system, now);
        publish(principal, "system.updated", "system:" + system.code(), before, system, now);
        return system;
    }

    /**
     * Declares (or re-declares) which part a system plays for an entity. ADMIN.
     *
     * @throws RegistryException FORBIDDEN, VALIDATION_FAILED (unknown entity or system, bad scope), OWNERSHIP_CONFLICT
     *                           (a second AUTHORITATIVE for the entity and scope, or none left for the whole entity)
     */
    @Transactional
    public SystemOfRecord declare(Principal principal, SystemOfRecord sor) {
        AccessPolicy.requireAnyRole(principal, "declare systems of record", Role.ADMIN);
        Landscape current = lockAndLoad();
        SystemOfRecord before = current.systemsOfRecord().stream().filter(s -> s.key().equals(sor.key()))
                .findFirst().orElse(null);
        if (sor.equals(before)) {
            return before;
        }
        judge(current.with(sor), Violation.Kind.SYSTEM_OF_RECORD, null);
        Instant now = clock.instant();
        repository.upsert(sor, now);
        publish(principal, before == null ? "system-of-record.created" : "system-of-record.updated",
                "system-of-record:" + sor.key(), before, sor, now);
        return sor;
    }

    /** ADMIN. @throws RegistryException FORBIDDEN, NOT_FOUND, OWNERSHIP_CONFLICT (the last AUTHORITATIVE of an entity that keeps others) */
    @Transactional
    public void withdraw(Principal principal, String entity, String system) {
        AccessPolicy.requireAnyRole(principal, "withdraw systems of record", Role.ADMIN);
        Landscape current = lockAndLoad();
        SystemOfRecord before = current.systemsOfRecord().stream()
                .filter(s -> s.entity().equals(entity) && s.system().equals(system)).findFirst()
                .orElseThrow(() -> new RegistryException(ProblemType.NOT_FOUND, "system "
                        + RegistryException.quoted(system) + " is not declared for entity " + RegistryException.quoted(entity)));
        judge(current.without(before), Violation.Kind.SYSTEM_OF_RECORD, null);
        Instant now = clock.instant();
        repository.deleteSystemOfRecord(entity, system);
        publish(principal, "system-of-record.deleted", "system-of-record:" + before.key(), before, null, now);
    }

    /** ADMIN. @throws RegistryException FORBIDDEN, VALIDATION_FAILED, CONFLICT (id taken) */
    @Transactional
    public DataFlow createFlow(Principal principal, DataFlow flow) {
        AccessPolicy.requireAnyRole(principal, "record flow " + RegistryException.quoted(flow.id()), Role.ADMIN);
        Landscape current = lockAndLoad();
        if (current.flow(flow.id()).isPresent()) {
            throw new RegistryException(ProblemType.CONFLICT, "flow " + RegistryException.quoted(flow.id())
                    + " already exists; flow ids are never reused", Map.of("flow", flow.id()));
        }
        judge(current.with(flow), Violation.Kind.FLOW, flow.id());
        Instant now = clock.instant();
        repository.upsert(flow, now);
        publish(principal, "flow.created", "flow:" + flow.id(), null, flow, now);
        return flow;
    }

    /**
     * Replaces a flow's record. Its owner (who may hand it to a new owner) or an ADMIN.
     *
     * @throws RegistryException FORBIDDEN, FLOW_NOT_FOUND, VALIDATION_FAILED
     */
    @Transactional
    public DataFlow updateFlow(Principal principal, DataFlow flow) {
        Landscape current = lockAndLoad();
        DataFlow before = current.flow(flow.id()).orElseThrow(() -> flowNotFound(flow.id()));
        AccessPolicy.requireOwnerOrAdmin(principal, "change flow " + RegistryException.quoted(flow.id()),
                "flow " + RegistryException.quoted(flow.id()), List.of(before.owner()));
        if (before.equals(flow)) {
            return before;
        }
        judge(current.with(flow), Violation.Kind.FLOW, flow.id());
        Instant now = clock.instant();
        repository.upsert(flow, now);
        publish(principal, "flow.updated", "flow:" + flow.id(), before, flow, now);
        return flow;
    }

    // ---------------------------------------------------------------- shared with the import

    Landscape lockAndLoad() {
        repository.lockLandscape();
        return repository.load();
    }

    Set<String> entityNames() {
        return entities.list(null, null).stream().map(Entity::name).collect(Collectors.toSet());
    }

    void publish(Principal principal, String action, String target, Object before, Object after, Instant at) {
        events.publishEvent(change(principal, action, target, before, after, at));
    }

    static OwnershipChanged change(Principal principal, String action, String target, Object before, Object after,
                                   Instant at) {
        return new OwnershipChanged(principal.name(), action, target, StateFingerprint.of(before),
                StateFingerprint.of(after), at);
    }

    /** Publishes changes collected by a writer that wrote them all first (the audit trail wants the last write first). */
    void publishAll(List<OwnershipChanged> changes) {
        changes.forEach(events::publishEvent);
    }

    /** Refuses a prospective landscape that breaks a rule; field problems first, then conflicts. */
    private void judge(Landscape prospective, Violation.Kind kind, String key) {
        List<Violation> violations = OwnershipRules.check(prospective, entityNames());
        if (violations.isEmpty()) {
            return;
        }
        List<InvalidField> fields = new ArrayList<>();
        for (Violation v : violations) {
            if (!v.conflict()) {
                boolean written = v.kind() == kind && (key == null || key.equals(keyOf(prospective, v)));
                fields.add(new InvalidField(written ? "/" + (v.field() == null ? "" : v.field())
                        : "/" + (v.field() == null ? "" : v.field()) + " (of " + keyOf(prospective, v) + ")",
                        v.message()));
            }
        }
        if (!fields.isEmpty()) {
            throw RegistryException.validationFailed(fields);
        }
        List<String> messages = violations.stream().map(Violation::message).toList();
        throw new RegistryException(ProblemType.OWNERSHIP_CONFLICT, String.join("; ", messages),
                Map.of("conflicts", messages));
    }

    private static String keyOf(Landscape l, Violation v) {
        switch (v.kind()) {
            case SYSTEM:
                return l.systems().get(v.index()).code();
            case SYSTEM_OF_RECORD:
                return l.systemsOfRecord().get(v.index()).key();
            default:
                return l.flows().get(v.index()).id();
        }
    }

    static RegistryException systemNotFound(String code) {
        return new RegistryException(ProblemType.SYSTEM_NOT_FOUND, "no system has the code "
                + RegistryException.quoted(code), Map.of("system", String.valueOf(code)));
    }

    static RegistryException flowNotFound(String id) {
        return new RegistryException(ProblemType.FLOW_NOT_FOUND, "no flow has the id " + RegistryException.quoted(id),
                Map.of("flow", String.valueOf(id)));
    }
}
