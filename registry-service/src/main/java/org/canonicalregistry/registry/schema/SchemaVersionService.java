package org.canonicalregistry.registry.schema;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.canonicalregistry.registry.audit.StateFingerprint;
import org.canonicalregistry.registry.entity.Entity;
import org.canonicalregistry.registry.entity.EntityService;
import org.canonicalregistry.registry.problem.EntityNotFoundException;
import org.canonicalregistry.registry.problem.InvalidField;
import org.canonicalregistry.registry.problem.ProblemType;
import org.canonicalregistry.registry.problem.RegistryException;
import org.canonicalregistry.registry.problem.SchemaRejectedProblem;
import org.canonicalregistry.registry.problem.VersionNotFoundException;
import org.canonicalregistry.registry.security.AccessPolicy;
import org.canonicalregistry.registry.security.Principal;
import org.canonicalregistry.schema.CanonicalSchema;
import org.canonicalregistry.schema.CompiledSchema;
import org.canonicalregistry.schema.SchemaEngine;
import org.canonicalregistry.schema.SchemaLimits;
import org.canonicalregistry.schema.SchemaRejectedException;
import org.canonicalregistry.schema.ValidationReport;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers and reads an entity's schema versions and validates documents against them. Thread-safe.
 *
 * <p>Registration is serialised per entity: it locks the entity row ({@code SELECT … FOR UPDATE}) for its one
 * transaction, so concurrent registrations for one entity get gap-free, unique version numbers; unique
 * constraints on (entity, major, minor), (entity, fingerprint) and (global id) are the last line of defence.
 * Stored content never changes.
 *
 * <p>All failures are {@link RegistryException}s: {@link EntityNotFoundException}, {@link VersionNotFoundException},
 * {@link SchemaRejectedProblem} (SCHEMA_REJECTED for schemas; MALFORMED_REQUEST / PAYLOAD_TOO_LARGE for payloads),
 * VALIDATION_FAILED for bad arguments (blank actor, overlong reason).
 */
@Service
public class SchemaVersionService {

    static final int MAX_REASON = 1000;
    static final int MAX_ACTOR = 128;

    private final SchemaVersionRepository repository;
    private final EntityService entities;
    private final SchemaEngine engine;
    private final CompiledSchemaCache compiled;
    private final SchemaLimits limits;
    private final JsonMapper json;
    private final Clock clock;
    private final VersionNumbering numbering = new VersionNumbering();
    private final CompatibilityGate gate;
    private final ApplicationEventPublisher events;

    SchemaVersionService(SchemaVersionRepository repository, EntityService entities, SchemaEngine engine,
                         CompiledSchemaCache compiled, SchemaLimits limits, JsonMapper json, Clock clock,
                         CompatibilityGate gate, ApplicationEventPublisher events) {
        this.gate = gate;
        this.events = events;
        this.repository = repository;
        this.entities = entities;
        this.engine = engine;
        this.compiled = compiled;
        this.limits = limits;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Registers a schema for an existing entity. The schema goes through {@link SchemaEngine#load} (bounds, strict
     * UTF-8, meta-schema, canonical profile, references that must exist in this registry). Identical canonical
     * content already registered for this entity returns {@link RegistrationResult.AlreadyRegistered} with the
     * existing version (whatever its state) and writes nothing. Otherwise the next version is the next minor of the
     * highest major, or {@code major+1 .0} with {@code newMajor}; the first version is 1.0. A new minor must pass the
     * {@link CompatibilityGate} against its {@link MajorLine} (under the entity lock); a new major line is not checked.
     *
     * @param entity existing entity name
     * @param schemaUtf8 the schema document as UTF-8 bytes; never null
     * @param newMajor open a new major line
     * @param reason why (null = empty), at most 1000 characters
     * @param actor principal registering; non-blank, at most 128 characters
     * @throws EntityNotFoundException no such entity
     * @throws SchemaRejectedProblem the schema failed schema-core's checks (type SCHEMA_REJECTED)
     * @throws RegistryException INCOMPATIBLE_CHANGE from the gate (nothing written); VALIDATION_FAILED for a bad reason/actor; CONFLICT if the database refused a
     *                           duplicate despite the lock (should not happen; safe to retry)
     */
    @Transactional
    public RegistrationResult register(String entity, byte[] schemaUtf8, boolean newMajor, String reason, String actor) {
        String why = reason == null ? "" : reason;
        checkArguments(why, actor);
        entities.get(entity);
        CanonicalSchema schema = load(entity, schemaUtf8);
        // Lock only after the expensive load: versions are immutable, so what load resolved stays valid.
        entities.lockForUpdate(entity);
        Optional<SchemaVersion> same = repository.findByFingerprint(entity, schema.fingerprint());
        if (same.isPresent()) {
            return new RegistrationResult.AlreadyRegistered(same.get());
        }
        // Judged under the lock on the same snapshot that picks the number; the gate refuses by throwing.
        MajorLine line = numbering.line(entity, repository.list(entity), newMajor);
        gate.admit(entities.get(entity), schema, line);
        SchemaVersion version = new SchemaVersion(entity, line.major(), line.nextMinor(), repository.nextGlobalId(),
                schema.canonicalJson(), schema.fingerprint(), SchemaState.PUBLISHED, null, null, null,
                List.copyOf(schema.references()), clock.instant().truncatedTo(ChronoUnit.MICROS), actor, why);
        try {
            repository.insert(version);
        } catch (DuplicateKeyException e) {
            throw new RegistryException(ProblemType.CONFLICT, "concurrent registration for entity "
                    + RegistryException.quoted(entity) + " collided on " + version.version() + "; retry", Map.of(), e);
        }
        events.publishEvent(new SchemaVersionPublished(entity, version.version(), version.globalId(), actor,
                version.fingerprint(), version.createdAt()));
        return new RegistrationResult.Created(version);
    }

    /**
     * Deprecates a version: {@code PUBLISHED -> DEPRECATED}, or changes the sunset/replacement of a deprecated one.
     * Content never changes. An owner of the entity or an ADMIN.
     *
     * @param version an exact {@code M.m}
     * @param sunset the announced retirement date; today (UTC) or later
     * @param replacement {@code M.m} or {@code entity@M.m} of another, non-retired version of the same entity; may be null
     * @throws RegistryException FORBIDDEN; VALIDATION_FAILED for a bad sunset, replacement or comment; CONFLICT for a
     *                           retired version
     * @throws VersionNotFoundException no such version
     */
    @Transactional
    public SchemaVersion deprecate(Principal principal, String entity, String version, LocalDate sunset,
                                   String replacement, String comment) {
        Entity owner = entities.get(entity);
        AccessPolicy.requireOwnerOrAdmin(principal, "deprecate versions of entity " + RegistryException.quoted(entity),
                "entity " + RegistryException.quoted(entity), owner.owners());
        checkComment(comment);
        VersionNumber number = exact(entity, version);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (sunset == null || sunset.isBefore(today)) {
            throw RegistryException.validationFailed(List.of(new InvalidField("/sunsetDate",
                    "must be today (" + today + ") or later, was " + sunset)));
        }
        entities.lockForUpdate(entity);
        SchemaVersion current = existing(entity, number);
        if (current.state() == SchemaState.RETIRED) {
            throw new RegistryException(ProblemType.CONFLICT, current.coordinates()
                    + " is retired; a retired version cannot be deprecated again", Map.of("state", "RETIRED"));
        }
        String successor = replacement == null || replacement.isBlank() ? null : successor(current, replacement);
        Instant deprecatedAt = current.deprecatedAt() != null ? current.deprecatedAt() : now();
        SchemaVersion changed = withLifecycle(current, SchemaState.DEPRECATED, sunset, successor, deprecatedAt);
        repository.updateLifecycle(changed);
        events.publishEvent(new SchemaVersionStateChanged(entity, changed.version(), changed.globalId(),
                current.state(), SchemaState.DEPRECATED, sunset, successor, principal.name(),
                StateFingerprint.of(lifecycleOf(current)), StateFingerprint.of(lifecycleOf(changed)), now()));
        return changed;
    }

    /**
     * Retires a deprecated version: {@code DEPRECATED -> RETIRED}. It stays readable by exact version and global id but
     * is never {@code latest} and no longer counts in its line's compatibility checks. An owner of the entity or an ADMIN.
     *
     * @throws RegistryException FORBIDDEN; CONFLICT unless the version is DEPRECATED; VALIDATION_FAILED for a bad comment
     * @throws VersionNotFoundException no such version
     */
    @Transactional
    public SchemaVersion retire(Principal principal, String entity, String version, String comment) {
        Entity owner = entities.get(entity);
        AccessPolicy.requireOwnerOrAdmin(principal, "retire versions of entity " + RegistryException.quoted(entity),
                "entity " + RegistryException.quoted(entity), owner.owners());
        checkComment(comment);
        VersionNumber number = exact(entity, version);
        entities.lockForUpdate(entity);
        SchemaVersion current = existing(entity, number);
        if (current.state() != SchemaState.DEPRECATED) {
            throw new RegistryException(ProblemType.CONFLICT, current.coordinates() + " is " + current.state()
                    + "; only a DEPRECATED version can be retired (deprecate it first so its consumers are warned)",
                    Map.of("state", current.state().name()));
        }
        SchemaVersion changed = withLifecycle(current, SchemaState.RETIRED, current.sunsetDate(), current.replacement(),
                current.deprecatedAt());
        repository.updateLifecycle(changed);
        events.publishEvent(new SchemaVersionStateChanged(entity, changed.version(), changed.globalId(),
                SchemaState.DEPRECATED, SchemaState.RETIRED, changed.sunsetDate(), changed.replacement(),
                principal.name(), StateFingerprint.of(lifecycleOf(current)), StateFingerprint.of(lifecycleOf(changed)),
                now()));
        return changed;
    }

    private VersionNumber exact(String entity, String version) {
        if (VersionSelector.parse(version) instanceof VersionSelector.Exact exact) {
            return new VersionNumber(exact.major(), exact.minor());
        }
        throw RegistryException.validationFailed(List.of(new InvalidField("/version",
                "must be an exact version M.m of entity " + RegistryException.quoted(entity) + ", was "
                        + RegistryException.quoted(version))));
    }

    private SchemaVersion existing(String entity, VersionNumber number) {
        return repository.find(entity, number.major(), number.minor())
                .orElseThrow(() -> new VersionNotFoundException(entity + "@" + number.major() + "." + number.minor()));
    }

    /** The replacement as {@code entity@M.m}: another existing, non-retired version of the same entity. */
    private String successor(SchemaVersion current, String replacement) {
        String text = replacement.strip();
        String prefix = current.entity() + "@";
        String number = text.startsWith(prefix) ? text.substring(prefix.length()) : text;
        if (!(VersionSelector.parse(number) instanceof VersionSelector.Exact exact)) {
            throw RegistryException.validationFailed(List.of(new InvalidField("/replacement",
                    "must be an exact version M.m (or " + prefix + "M.m), was " + RegistryException.quoted(replacement))));
        }
        Optional<SchemaVersion> target = repository.find(current.entity(), exact.major(), exact.minor());
        String problem = target.isEmpty() ? "does not exist"
                : target.get().globalId() == current.globalId() ? "is the version being deprecated"
                : target.get().state() == SchemaState.RETIRED ? "is retired" : null;
        if (problem != null) {
            throw RegistryException.validationFailed(List.of(new InvalidField("/replacement",
                    current.entity() + "@" + number + " " + problem)));
        }
        return target.get().coordinates();
    }

    private static SchemaVersion withLifecycle(SchemaVersion v, SchemaState state, LocalDate sunset, String replacement,
                                               Instant deprecatedAt) {
        return new SchemaVersion(v.entity(), v.major(), v.minor(), v.globalId(), v.canonicalJson(), v.fingerprint(),
                state, sunset, replacement, deprecatedAt, v.references(), v.createdAt(), v.createdBy(), v.reason());
    }

    /** What a lifecycle change changes, for the audit fingerprints (content is fingerprinted separately). */
    private static String lifecycleOf(SchemaVersion v) {
        return v.coordinates() + "|" + v.fingerprint() + "|" + v.state() + "|" + v.sunsetDate() + "|" + v.replacement();
    }

    private static void checkComment(String comment) {
        if (comment != null && comment.length() > MAX_REASON) {
            throw RegistryException.validationFailed(List.of(new InvalidField("/comment",
                    "is " + comment.length() + " characters long; the limit is " + MAX_REASON)));
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** As {@link #register(String, byte[], boolean, String, String)}, for a schema the web layer already parsed. */
    @Transactional
    public RegistrationResult register(String entity, JsonNode schema, boolean newMajor, String reason, String actor) {
        return register(entity, json.writeValueAsBytes(schema), newMajor, reason, actor);
    }

    /**
     * The schema loaded exactly as {@link #register} loads it, without storing anything (for compatibility previews).
     *
     * @throws SchemaRejectedProblem as {@link #register}
     */
    public CanonicalSchema loadCandidate(String entity, JsonNode schema) {
        return load(entity, json.writeValueAsBytes(schema));
    }

    /** As {@link #loadCandidate(String, JsonNode)} for stored canonical JSON text (a proposal being re-based). */
    public CanonicalSchema loadCandidate(String entity, String canonicalJson) {
        return load(entity, canonicalJson.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * The major line a registration would join now and the versions it would be judged against. Takes no lock: a
     * concurrent registration may move the line before the caller acts on the answer.
     *
     * @throws EntityNotFoundException no such entity
     */
    @Transactional(readOnly = true)
    public MajorLine lineFor(String entity, boolean newMajor) {
        entities.get(entity);
        return numbering.line(entity, repository.list(entity), newMajor);
    }

    /**
     * @throws EntityNotFoundException no such entity
     * @throws VersionNotFoundException the entity has no version matching the selector
     */
    @Transactional(readOnly = true)
    public SchemaVersion get(String entity, VersionSelector selector) {
        entities.get(entity);
        return find(entity, selector)
                .orElseThrow(() -> new VersionNotFoundException(entity + "@" + selector));
    }

    /** The matching version, or empty (also for an unknown entity). */
    @Transactional(readOnly = true)
    public Optional<SchemaVersion> find(String entity, VersionSelector selector) {
        if (selector instanceof VersionSelector.Exact exact) {
            return repository.find(entity, exact.major(), exact.minor());
        }
        if (selector instanceof VersionSelector.LatestOfMajor line) {
            return repository.findLatest(entity, line.major());
        }
        return repository.findLatest(entity, null);
    }

    /** @throws VersionNotFoundException no version has this global id */
    @Transactional(readOnly = true)
    public SchemaVersion getByGlobalId(long globalId) {
        return findByGlobalId(globalId).orElseThrow(() -> new VersionNotFoundException("with global id " + globalId));
    }

    @Transactional(readOnly = true)
    public Optional<SchemaVersion> findByGlobalId(long globalId) {
        return repository.findByGlobalId(globalId);
    }

    /**
     * Every version of the entity, all states, ordered by major then minor; empty when it has none.
     *
     * @throws EntityNotFoundException no such entity
     */
    @Transactional(readOnly = true)
    public List<SchemaVersion> list(String entity) {
        entities.get(entity);
        return repository.list(entity);
    }

    /**
     * Validates a JSON document against a version of an entity's schema and reports every violation.
     *
     * @param payload UTF-8 JSON; parsed with the configured depth limit and schema-core's instance byte limit
     *                (the larger of {@code registry.limits.max-schema-bytes} and 1 MiB)
     * @throws EntityNotFoundException / VersionNotFoundException as {@link #get}
     * @throws SchemaRejectedProblem PAYLOAD_TOO_LARGE (with {@code limit}) or MALFORMED_REQUEST when the payload
     *                               is not acceptable JSON
     */
    @Transactional(readOnly = true)
    public ValidationReport validate(String entity, VersionSelector selector, byte[] payload) {
        return validate(get(entity, selector), payload);
    }

    /** As {@link #validate(String, VersionSelector, byte[])} for the version with this global id. */
    @Transactional(readOnly = true)
    public ValidationReport validate(long globalId, byte[] payload) {
        return validate(getByGlobalId(globalId), payload);
    }

    private ValidationReport validate(SchemaVersion version, byte[] payload) {
        JsonNode instance;
        try {
            instance = engine.parseInstance(payload);
        } catch (SchemaRejectedException e) {
            boolean tooLarge = e.reason() == SchemaRejectedException.Reason.TOO_LARGE;
            throw SchemaRejectedProblem.of(tooLarge ? ProblemType.PAYLOAD_TOO_LARGE : ProblemType.MALFORMED_REQUEST,
                    "payload for " + version.coordinates(), e, limitFor(e, limits.maxInstanceBytes()));
        }
        return compiledFor(version).validate(instance);
    }

    /** The compiled validator of a stored version, cached by global id. */
    CompiledSchema compiledFor(SchemaVersion version) {
        return compiled.get(version.globalId(), () -> {
            try {
                return engine.compile(json.readTree(version.canonicalJson()));
            } catch (SchemaRejectedException e) {
                // Stored content passed load() when registered; failing now means the engine changed under it.
                throw new RegistryException(ProblemType.INTERNAL_ERROR, "stored schema " + version.coordinates()
                        + " no longer compiles: " + e.getMessage(), Map.of(), e);
            }
        });
    }

    private CanonicalSchema load(String entity, byte[] schemaUtf8) {
        try {
            return engine.load(schemaUtf8);
        } catch (SchemaRejectedException e) {
            throw SchemaRejectedProblem.of(ProblemType.SCHEMA_REJECTED,
                    "schema for entity " + RegistryException.quoted(entity), e, limitFor(e, limits.maxBytes()));
        }
    }

    private Integer limitFor(SchemaRejectedException e, int maxBytes) {
        return SchemaRejectedProblem.limitHit(e, maxBytes, limits.maxDepth());
    }

    private static void checkArguments(String reason, String actor) {
        if (reason.length() > MAX_REASON) {
            throw RegistryException.validationFailed(List.of(new InvalidField("/reason",
                    "is " + reason.length() + " characters long; the limit is " + MAX_REASON)));
        }
        if (actor == null || actor.isBlank() || actor.length() > MAX_ACTOR) {
            throw RegistryException.validationFailed(List.of(new InvalidField("/actor",
                    "must be a principal name of 1.." + MAX_ACTOR + " characters, was " + RegistryException.quoted(actor))));
        }
    }
}
