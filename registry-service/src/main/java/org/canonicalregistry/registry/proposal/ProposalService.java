package org.canonicalregistry.registry.proposal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.canonicalregistry.registry.audit.StateFingerprint;
import org.canonicalregistry.registry.compatibility.CompatibilityJudge;
import org.canonicalregistry.registry.compatibility.CompatibilityJudgement;
import org.canonicalregistry.registry.entity.Entity;
import org.canonicalregistry.registry.entity.EntityService;
import org.canonicalregistry.registry.problem.InvalidField;
import org.canonicalregistry.registry.problem.ProblemType;
import org.canonicalregistry.registry.problem.RegistryException;
import org.canonicalregistry.registry.schema.MajorLine;
import org.canonicalregistry.registry.schema.RegistrationResult;
import org.canonicalregistry.registry.schema.SchemaVersion;
import org.canonicalregistry.registry.schema.SchemaVersionService;
import org.canonicalregistry.registry.security.AccessPolicy;
import org.canonicalregistry.registry.security.Principal;
import org.canonicalregistry.registry.security.Role;
import org.canonicalregistry.schema.CanonicalSchema;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * The governance workflow: change proposals that the entity's owners (and, for breaking changes, the owners of the
 * flows carrying it) approve, never the proposer. Publishing a version happens here and only here (besides the
 * registry's own sample import): the moment the last required approval arrives, in the same transaction.
 *
 * <p>Concurrency: every write locks the entity row first and the proposal row second, the order publication uses, so
 * two approvals of one proposal, or of two proposals of one entity, run one after the other; the second sees the
 * first's outcome (a published proposal, or a stale one).
 *
 * <p>Every change publishes one {@link org.canonicalregistry.registry.audit.AuditedChange} in its transaction.
 */
@Service
public class ProposalService {

    static final int MAX_SUMMARY = 200;
    static final int MAX_TEXT = 2000;

    private final ProposalRepository repository;
    private final EntityService entities;
    private final SchemaVersionService versions;
    private final CompatibilityJudge judge;
    private final FlowImpact flows;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProposalService(ProposalRepository repository, EntityService entities, SchemaVersionService versions,
                    CompatibilityJudge judge, FlowImpact flows, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.entities = entities;
        this.versions = versions;
        this.judge = judge;
        this.flows = flows;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Opens a proposal (DEVELOPER, OWNER or ADMIN). See the contract's {@code openProposal} for where it lands.
     *
     * @throws RegistryException FORBIDDEN; VALIDATION_FAILED (summary, reason, targetMajor); ENTITY_NOT_FOUND;
     *                           SCHEMA_REJECTED; INCOMPATIBLE_CHANGE (targetMajor pins a line it breaks); CONFLICT
     *                           (identical to an existing version)
     */
    @Transactional
    public OpenedProposal open(Principal principal, String entityName, JsonNode schema, String summary, String reason,
                               Integer targetMajor) {
        AccessPolicy.requireAnyRole(principal, "propose schema changes", Role.DEVELOPER, Role.OWNER, Role.ADMIN);
        String text = checkSummary(summary);
        checkText("/reason", reason);
        if (targetMajor != null && targetMajor < 1) {
            throw RegistryException.validationFailed(List.of(new InvalidField("/targetMajor",
                    "must be at least 1, was " + targetMajor)));
        }
        entities.get(entityName);
        CanonicalSchema candidate = versions.loadCandidate(entityName, schema);
        // Decided under the entity lock, the lock publication takes: the base cannot move while this proposal is planned.
        entities.lockForUpdate(entityName);
        Entity entity = entities.get(entityName);
        Optional<ChangeProposal> same = repository.undecided(entityName).stream()
                .filter(p -> p.fingerprint().equals(candidate.fingerprint())).findFirst();
        if (same.isPresent()) {
            return new OpenedProposal.AlreadyProposed(same.get());
        }
        List<SchemaVersion> existing = versions.list(entityName);
        existing.stream().filter(v -> v.fingerprint().equals(candidate.fingerprint())).findFirst().ifPresent(v -> {
            throw new RegistryException(ProblemType.CONFLICT, "the proposed schema is identical to "
                    + v.coordinates() + " (" + v.state() + "); there is nothing to change", Map.of("version", v.version()));
        });
        ProposalPlan plan = plan(entity, candidate, targetMajor, existing.isEmpty());
        Instant now = now();
        ChangeProposal proposal = new ChangeProposal(repository.nextId(), entityName, ProposalState.OPEN,
                principal.name(), text, reason, targetMajor, plan.baseVersion(), plan.proposedMajor(),
                plan.proposedMinor(), plan.breaking(), candidate.canonicalJson(), candidate.fingerprint(),
                candidate.references().stream().map(r -> r.entity() + "@" + r.major() + "." + r.minor()).sorted().toList(),
                plan.verdictJson(), plan.impact(),
                ApprovalRules.required(entityName, entity.owners(), principal.name(), plan.breaking(), plan.impact()),
                null, null, now, now);
        repository.insert(proposal);
        repository.append(proposal.id(), new HistoryStep(now, principal.name(), HistoryEntry.Action.OPENED,
                ProposalState.OPEN, false, null));
        events.publishEvent(new ProposalOpened(proposal.id(), entityName, principal.name(), text,
                proposal.baseVersion(), proposal.breaking(),
                proposal.approvals().stream().map(RequiredApproval::description).toList(),
                StateFingerprint.of(proposal), now));
        return new OpenedProposal.Opened(proposal);
    }

    /** @throws RegistryException PROPOSAL_NOT_FOUND */
    @Transactional(readOnly = true)
    public ChangeProposal get(long id) {
        return repository.find(id).orElseThrow(() -> notFound(id));
    }

    /** The proposal's history, oldest first. */
    @Transactional(readOnly = true)
    public List<HistoryEntry> history(long id) {
        get(id);
        return repository.history(id);
    }

    /**
     * Newest first. With {@code awaiting} (the inbox), only OPEN proposals with an outstanding approval that principal
     * could give.
     *
     * @param awaiting whose inbox; null for no such filter
     */
    @Transactional(readOnly = true)
    public List<ChangeProposal> list(ProposalState state, String entity, Principal awaiting, int limit) {
        if (awaiting == null) {
            return repository.list(state, entity, limit);
        }
        if (state != null && state != ProposalState.OPEN) {
            return List.of();
        }
        return repository.list(ProposalState.OPEN, entity, Integer.MAX_VALUE).stream()
                .filter(p -> !ApprovalRules.awaiting(p.approvals(), awaiting, p.proposer()).isEmpty())
                .limit(limit).toList();
    }

    /** The outstanding approvals of {@code proposal} that {@code principal} could give now. */
    public List<RequiredApproval> awaiting(ChangeProposal proposal, Principal principal) {
        return proposal.state() == ProposalState.OPEN
                ? ApprovalRules.awaiting(proposal.approvals(), principal, proposal.proposer()) : List.of();
    }

    /**
     * Approves; the last required approval publishes the version in this transaction.
     *
     * @throws RegistryException SELF_APPROVAL (the proposer); PROPOSAL_STATE_CONFLICT (not OPEN); CONFLICT (already
     *                           approved by this principal); FORBIDDEN (nothing outstanding this principal can give);
     *                           PROPOSAL_NOT_FOUND; VALIDATION_FAILED (comment)
     */
    @Transactional
    public ChangeProposal approve(Principal principal, long id, String comment) {
        checkText("/comment", comment);
        ChangeProposal p = lockForDecision(id);
        if (principal.name().equals(p.proposer())) {
            throw new RegistryException(ProblemType.SELF_APPROVAL, "principal " + RegistryException.quoted(principal.name())
                    + " proposed #" + id + " and cannot approve it; it needs " + describe(p.outstanding()),
                    Map.of("proposal", id));
        }
        requireState(p, "approved", ProposalState.OPEN);
        if (p.approvals().stream().anyMatch(a -> principal.name().equals(a.satisfiedBy()))) {
            throw new RegistryException(ProblemType.CONFLICT, "principal " + RegistryException.quoted(principal.name())
                    + " has already approved proposal #" + id + "; it still needs " + describe(p.outstanding()),
                    Map.of("proposal", id));
        }
        List<RequiredApproval> gives = ApprovalRules.awaiting(p.approvals(), principal, p.proposer());
        if (gives.isEmpty()) {
            throw AccessPolicy.forbidden(principal, "approve proposal #" + id,
                    "it needs " + describe(p.outstanding()));
        }
        Instant now = now();
        boolean asAdmin = gives.stream().allMatch(a -> !a.candidates().contains(principal.name()));
        ChangeProposal approved = p.withApprovals(ApprovalRules.approve(p.approvals(), principal, p.proposer(), now), now);
        boolean complete = ApprovalRules.complete(approved.approvals());
        if (complete) {
            approved = approved.withState(ProposalState.APPROVED, now);
        }
        repository.update(approved);
        repository.append(id, new HistoryStep(now, principal.name(), HistoryEntry.Action.APPROVED,
                approved.state(), asAdmin, comment));
        events.publishEvent(new ProposalDecided(id, p.entity(), principal.name(), true, asAdmin, comment,
                approved.state().name(), StateFingerprint.of(p), StateFingerprint.of(approved), now));
        return complete ? publish(approved, principal, now) : approved;
    }

    /**
     * Rejects (anyone who could approve it, never the proposer, who withdraws). Published versions are untouched.
     *
     * @throws RegistryException VALIDATION_FAILED (a comment is required); FORBIDDEN; PROPOSAL_STATE_CONFLICT (not OPEN
     *                           or STALE); PROPOSAL_NOT_FOUND
     */
    @Transactional
    public ChangeProposal reject(Principal principal, long id, String comment) {
        if (comment == null || comment.isBlank()) {
            throw RegistryException.validationFailed(List.of(new InvalidField("/comment",
                    "is required for a rejection: say what would make the change acceptable")));
        }
        checkText("/comment", comment);
        ChangeProposal p = lockForDecision(id);
        if (principal.name().equals(p.proposer())) {
            throw AccessPolicy.forbidden(principal, "reject proposal #" + id,
                    "the proposer withdraws a proposal instead of rejecting it");
        }
        if (!ApprovalRules.mayDecide(p.approvals(), principal, p.proposer())) {
            throw AccessPolicy.forbidden(principal, "reject proposal #" + id,
                    "only those who could approve it may reject it: " + describe(p.approvals()));
        }
        requireState(p, "rejected", ProposalState.OPEN, ProposalState.STALE);
        Instant now = now();
        ChangeProposal rejected = p.withState(ProposalState.REJECTED, now);
        repository.update(rejected);
        repository.append(id, new HistoryStep(now, principal.name(),
                HistoryEntry.Action.REJECTED, ProposalState.REJECTED, !isOwner(p, principal), comment));
        events.publishEvent(new ProposalDecided(id, p.entity(), principal.name(), false, !isOwner(p, principal),
                comment, ProposalState.REJECTED.name(), StateFingerprint.of(p), StateFingerprint.of(rejected), now));
        return rejected;
    }

    /**
     * Withdraws (the proposer or an ADMIN).
     *
     * @throws RegistryException FORBIDDEN; PROPOSAL_STATE_CONFLICT (not OPEN or STALE); PROPOSAL_NOT_FOUND
     */
    @Transactional
    public ChangeProposal withdraw(Principal principal, long id, String comment) {
        checkText("/comment", comment);
        ChangeProposal p = lockForDecision(id);
        if (!principal.name().equals(p.proposer()) && !principal.isAdmin()) {
            throw AccessPolicy.forbidden(principal, "withdraw proposal #" + id,
                    "only its proposer " + RegistryException.quoted(p.proposer()) + " or an ADMIN may");
        }
        requireState(p, "withdrawn", ProposalState.OPEN, ProposalState.STALE);
        Instant now = now();
        ChangeProposal withdrawn = p.withState(ProposalState.WITHDRAWN, now);
        repository.update(withdrawn);
        repository.append(id, new HistoryStep(now, principal.name(),
                HistoryEntry.Action.WITHDRAWN, ProposalState.WITHDRAWN, false, comment));
        events.publishEvent(new ProposalTransitioned(id, p.entity(), principal.name(), "proposal.withdrawn",
                ProposalState.WITHDRAWN.name(), StateFingerprint.of(p), StateFingerprint.of(withdrawn), now));
        return withdrawn;
    }

    /**
     * Re-bases a STALE proposal on the current versions: base, verdict, impact and required approvals are recomputed
     * and earlier approvals are void. The proposer, an owner of the entity or an ADMIN.
     *
     * @throws RegistryException FORBIDDEN; PROPOSAL_STATE_CONFLICT (not STALE); CONFLICT (its content has been
     *                           published meanwhile); INCOMPATIBLE_CHANGE (its targetMajor no longer admits it)
     */
    @Transactional
    public ChangeProposal rebase(Principal principal, long id, String comment) {
        checkText("/comment", comment);
        ChangeProposal p = lockForDecision(id);
        Entity entity = entities.get(p.entity());
        if (!principal.name().equals(p.proposer())) {
            AccessPolicy.requireOwnerOrAdmin(principal, "rebase proposal #" + id + " (its proposer may too)",
                    "entity " + RegistryException.quoted(p.entity()), entity.owners());
        }
        requireState(p, "rebased", ProposalState.STALE);
        List<SchemaVersion> existing = versions.list(p.entity());
        existing.stream().filter(v -> v.fingerprint().equals(p.fingerprint())).findFirst().ifPresent(v -> {
            throw new RegistryException(ProblemType.CONFLICT, "proposal #" + id + " has the content of "
                    + v.coordinates() + ", published meanwhile; withdraw it", Map.of("version", v.version()));
        });
        CanonicalSchema candidate = versions.loadCandidate(p.entity(), p.canonicalJson());
        ProposalPlan plan = plan(entity, candidate, p.targetMajor(), existing.isEmpty());
        Instant now = now();
        ChangeProposal rebased = p.rebased(plan,
                ApprovalRules.required(p.entity(), entity.owners(), p.proposer(), plan.breaking(), plan.impact()), now);
        repository.update(rebased);
        repository.append(id, new HistoryStep(now, principal.name(),
                HistoryEntry.Action.REBASED, ProposalState.OPEN, false, comment != null ? comment
                        : "re-based on " + (plan.baseVersion() == null ? "no version" : plan.baseVersion())));
        events.publishEvent(new ProposalTransitioned(id, p.entity(), principal.name(), "proposal.rebased",
                ProposalState.OPEN.name(), StateFingerprint.of(p), StateFingerprint.of(rebased), now));
        return rebased;
    }

    private ChangeProposal publish(ChangeProposal approved, Principal approver, Instant now) {
        String why = "proposal #" + approved.id() + ": " + approved.summary();
        RegistrationResult result = versions.register(approved.entity(),
                approved.canonicalJson().getBytes(StandardCharsets.UTF_8), approved.breaking(), why, approved.proposer());
        SchemaVersion version = result.version();
        if (!(result instanceof RegistrationResult.Created) || !version.version().equals(approved.proposedVersion())) {
            // The entity lock and stale-marking make this unreachable; refusing keeps the store consistent if not.
            throw new RegistryException(ProblemType.CONFLICT, "proposal #" + approved.id() + " would have become "
                    + approved.proposedVersion() + " but the registry has " + version.coordinates() + "; rebase it",
                    Map.of("proposal", approved.id()));
        }
        ChangeProposal published = approved.published(version.globalId(), version.version(), now);
        repository.update(published);
        repository.append(approved.id(), new HistoryStep(now, approver.name(), HistoryEntry.Action.PUBLISHED,
                ProposalState.PUBLISHED, false, "published as " + version.coordinates()));
        events.publishEvent(new ProposalPublished(approved.id(), approved.entity(), version.version(),
                version.globalId(), version.fingerprint(), approver.name(), StateFingerprint.of(approved),
                StateFingerprint.of(published), now));
        for (ChangeProposal other : repository.undecided(approved.entity())) {
            if (other.id() != approved.id() && other.state() != ProposalState.STALE) {
                markStale(other, approver, version, now);
            }
        }
        return published;
    }

    private void markStale(ChangeProposal p, Principal approver, SchemaVersion version, Instant now) {
        ChangeProposal stale = p.withState(ProposalState.STALE, now);
        repository.update(stale);
        repository.append(p.id(), new HistoryStep(now, approver.name(),
                HistoryEntry.Action.STALE, ProposalState.STALE, false,
                version.coordinates() + " was published; rebase before approving"));
        events.publishEvent(new ProposalTransitioned(p.id(), p.entity(), approver.name(), "proposal.stale",
                ProposalState.STALE.name(), StateFingerprint.of(p), StateFingerprint.of(stale), now));
    }

    /**
     * Where the candidate lands. No versions: 1.0. Otherwise it is judged against the newest major line: compatible
     * extends it (unless targetMajor opens the next); incompatible opens the next major, or is refused when
     * targetMajor pins the line.
     */
    private ProposalPlan plan(Entity entity, CanonicalSchema candidate, Integer targetMajor, boolean first) {
        if (first) {
            if (targetMajor != null && targetMajor != 1) {
                throw badTarget(entity, targetMajor, "the entity has no version yet, so its first is 1.0");
            }
            return new ProposalPlan(null, null, 1, 0, false, null, flows.flowsCarrying(entity.name(), null, false));
        }
        MajorLine line = versions.lineFor(entity.name(), false);
        int newest = line.major();
        if (targetMajor != null && targetMajor != newest && targetMajor != newest + 1) {
            throw badTarget(entity, targetMajor, "proposals extend the newest major line " + newest + " or open "
                    + (newest + 1));
        }
        CompatibilityJudgement verdict = judge.judge(entity, candidate, line);
        boolean opensMajor = targetMajor != null ? targetMajor == newest + 1 : !verdict.compatible();
        if (!opensMajor && !verdict.compatible()) {
            throw verdict.refusal().get();
        }
        List<SchemaVersion> earlier = line.earlierVersions();
        String base = earlier.isEmpty() ? null : earlier.get(earlier.size() - 1).version();
        return new ProposalPlan(base, newest, opensMajor ? newest + 1 : newest, opensMajor ? 0 : line.nextMinor(),
                opensMajor, verdict.document(), flows.flowsCarrying(entity.name(), newest, opensMajor));
    }

    private ChangeProposal lockForDecision(long id) {
        ChangeProposal p = get(id);
        entities.lockForUpdate(p.entity());
        return repository.lock(id).orElseThrow(() -> notFound(id));
    }

    private static void requireState(ChangeProposal p, String verb, ProposalState... allowed) {
        for (ProposalState s : allowed) {
            if (p.state() == s) {
                return;
            }
        }
        String hint = p.state() == ProposalState.STALE
                ? "; another version was published since it was opened: rebase it first" : "";
        throw new RegistryException(ProblemType.PROPOSAL_STATE_CONFLICT, "proposal #" + p.id() + " is " + p.state()
                + " and cannot be " + verb + hint, Map.of("state", p.state().name()));
    }

    private static boolean isOwner(ChangeProposal p, Principal principal) {
        return p.approvals().stream().anyMatch(a -> a.candidates().contains(principal.name()));
    }

    private static String describe(List<RequiredApproval> approvals) {
        List<String> parts = new ArrayList<>();
        for (RequiredApproval a : approvals) {
            parts.add(a.description());
        }
        return parts.isEmpty() ? "nothing more" : String.join(" and ", parts);
    }

    private static RegistryException badTarget(Entity entity, int targetMajor, String why) {
        return RegistryException.validationFailed(List.of(new InvalidField("/targetMajor",
                "cannot be " + targetMajor + " for entity " + RegistryException.quoted(entity.name()) + ": " + why)));
    }

    private static RegistryException notFound(long id) {
        return new RegistryException(ProblemType.PROPOSAL_NOT_FOUND, "no proposal has id " + id, Map.of("id", id));
    }

    private static String checkSummary(String summary) {
        String text = summary == null ? "" : summary.strip();
        if (text.isEmpty() || text.length() > MAX_SUMMARY || text.chars().anyMatch(Character::isISOControl)) {
            throw RegistryException.validationFailed(List.of(new InvalidField("/summary",
                    "must be one line of 1.." + MAX_SUMMARY + " characters, was " + RegistryException.quoted(summary))));
        }
        return text;
    }

    private static void checkText(String pointer, String text) {
        if (text != null && text.length() > MAX_TEXT) {
            throw RegistryException.validationFailed(List.of(new InvalidField(pointer,
                    "is " + text.length() + " characters long; the limit is " + MAX_TEXT)));
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
