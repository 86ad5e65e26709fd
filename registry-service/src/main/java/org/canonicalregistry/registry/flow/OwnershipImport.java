package org.canonicalregistry.registry.flow;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.canonicalregistry.registry.problem.ProblemType;
import org.canonicalregistry.registry.problem.RegistryException;
import org.canonicalregistry.registry.security.AccessPolicy;
import org.canonicalregistry.registry.security.Principal;
import org.canonicalregistry.registry.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * GitOps for ownership records: {@code ownership/*.yaml} in, the same files out.
 *
 * <p>An import is declarative: for each list the files contain ({@code systems}, {@code systemsOfRecord},
 * {@code flows}) the files become the registry's records: new ones are created, changed ones updated, stored ones
 * the files no longer list deleted (a deleted flow takes its run history and incidents with it). A list no file
 * contains is left as stored. A dry run (the default) reports what would change and writes nothing; an applied
 * import (ADMIN) writes everything in one transaction, or nothing: every problem in the files is reported at once as
 * {@link ProblemType#IMPORT_FAILED}, each with its file and line. Each written record publishes one
 * {@link OwnershipChanged}; an import that changes nothing publishes nothing.
 */
@Service
public class OwnershipImport {

    private final OwnershipService ownership;
    private final OwnershipRepository repository;
    private final Clock clock;

    OwnershipImport(OwnershipService ownership, OwnershipRepository repository, Clock clock) {
        this.ownership = ownership;
        this.repository = repository;
        this.clock = clock;
    }

    /** One file to import: {@code path} names it in problems; {@code content} is its YAML text. */
    public record File(String path, String content) {
        public File {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(content, "content");
        }
    }

    /**
     * @param principal who asks; applying needs ADMIN, a dry run anyone (it only reads)
     * @throws RegistryException FORBIDDEN (apply without ADMIN); IMPORT_FAILED with {@code errors} [{file, line, message}]
     */
    @Transactional
    public ImportReport importFiles(Principal principal, List<File> files, boolean apply) {
        if (apply) {
            AccessPolicy.requireAnyRole(principal, "apply an ownership import", Role.ADMIN);
        }
        OwnershipFiles.Parsed parsed = OwnershipFiles.parse(files.stream()
                .map(f -> new OwnershipFiles.SourceFile(f.path(), f.content())).toList());
        Landscape current = apply ? ownership.lockAndLoad() : repository.load();
        Landscape next = new Landscape(
                parsed.kinds().contains(Violation.Kind.SYSTEM) ? parsed.landscape().systems() : current.systems(),
                parsed.kinds().contains(Violation.Kind.SYSTEM_OF_RECORD)
                        ? parsed.landscape().systemsOfRecord() : current.systemsOfRecord(),
                parsed.kinds().contains(Violation.Kind.FLOW) ? parsed.landscape().flows() : current.flows());
        List<OwnershipFiles.Problem> problems = new ArrayList<>(parsed.problems());
        for (Violation v : OwnershipRules.check(next, ownership.entityNames())) {
            problems.add(locate(parsed, v));
        }
        crossFileChecks(parsed, next, problems);
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(OwnershipFiles.Problem::file).thenComparingInt(OwnershipFiles.Problem::line));
            OwnershipFiles.Problem first = problems.get(0);
            throw new RegistryException(ProblemType.IMPORT_FAILED, problems.size() + " problem"
                    + (problems.size() == 1 ? "" : "s") + " in the ownership files, nothing was changed; first "
                    + first.file() + ":" + first.line() + ": " + first.message(),
                    Map.of("errors", problems.stream().map(p -> p.toMap(files.stream().map(File::path).toList())).toList()));
        }
        List<ImportReport.Change> changes = new ArrayList<>();
        int[] unchanged = {0};
        Diff<ConnectedSystem> systems = diff(current.systems(), next.systems(), ConnectedSystem::code);
        Diff<SystemOfRecord> sors = diff(current.systemsOfRecord(), next.systemsOfRecord(), SystemOfRecord::key);
        Diff<DataFlow> flows = diff(current.flows(), next.flows(), DataFlow::id);
        systems.report("system", changes, unchanged);
        sors.report("system-of-record", changes, unchanged);
        flows.report("flow", changes, unchanged);
        if (apply) {
            write(principal, systems, sors, flows);
        }
        return new ImportReport(apply, changes, unchanged[0]);
    }

    /** The registry's systems, systems of record and flows as {@code systems.yaml}, {@code systems-of-record.yaml}, {@code flows.yaml}. */
    @Transactional(readOnly = true)
    public List<File> export() {
        return OwnershipYaml.files(repository.load()).stream().map(f -> new File(f.path(), f.content())).toList();
    }

    /** The owners of every stored flow, sorted. */
    @Transactional(readOnly = true)
    public List<String> flowOwners() {
        return repository.flows().stream().map(DataFlow::owner).distinct().sorted().toList();
    }

    private void write(Principal principal, Diff<ConnectedSystem> systems, Diff<SystemOfRecord> sors,
                       Diff<DataFlow> flows) {
        Instant now = clock.instant();
        // Every record is written first and every change published after the last write, as the audit trail asks.
        List<OwnershipChanged> changes = new ArrayList<>();
        // Order keeps every foreign key valid: dependants leave first, systems arrive first and leave last.
        for (DataFlow f : flows.deleted) {
            repository.deleteFlow(f.id());
            changes.add(OwnershipService.change(principal, "flow.deleted", "flow:" + f.id(), f, null, now));
        }
        for (SystemOfRecord s : sors.deleted) {
            repository.deleteSystemOfRecord(s.entity(), s.system());
            changes.add(OwnershipService.change(principal, "system-of-record.deleted", "system-of-record:" + s.key(), s, null, now));
        }
        for (Map.Entry<ConnectedSystem, ConnectedSystem> e : systems.written.entrySet()) {
            repository.upsert(e.getKey(), now);
            changes.add(OwnershipService.change(principal, e.getValue() == null ? "system.created" : "system.updated",
                    "system:" + e.getKey().code(), e.getValue(), e.getKey(), now));
        }
        for (Map.Entry<SystemOfRecord, SystemOfRecord> e : sors.written.entrySet()) {
            repository.upsert(e.getKey(), now);
            changes.add(OwnershipService.change(principal, e.getValue() == null ? "system-of-record.created" : "system-of-record.updated",
                    "system-of-record:" + e.getKey().key(), e.getValue(), e.getKey(), now));
        }
        for (Map.Entry<DataFlow, DataFlow> e : flows.written.entrySet()) {
            repository.upsert(e.getKey(), now);
            changes.add(OwnershipService.change(principal, e.getValue() == null ? "flow.created" : "flow.updated",
                    "flow:" + e.getKey().id(), e.getValue(), e.getKey(), now));
        }
        for (ConnectedSystem s : systems.deleted) {
            repository.deleteSystem(s.code());
            changes.add(OwnershipService.change(principal, "system.deleted", "system:" + s.code(), s, null, now));
        }
        ownership.publishAll(changes);
    }

    private static OwnershipFiles.Problem locate(OwnershipFiles.Parsed parsed, Violation v) {
        if (!parsed.kinds().contains(v.kind())) {
            return new OwnershipFiles.Problem("(registry)", 0, v.message());
        }
        OwnershipFiles.Origin o = parsed.origins().get(v.kind()).get(v.index());
        return new OwnershipFiles.Problem(o.file(), o.lineOf(v.field()),
                (v.field() == null ? "" : v.field() + ": ") + v.message());
    }

    /** Team codes and flow owners against {@code owners.yaml}'s lists, when the import carries them. */
    private static void crossFileChecks(OwnershipFiles.Parsed parsed, Landscape next, List<OwnershipFiles.Problem> out) {
        Set<String> teams = parsed.teams();
        Set<String> principals = parsed.principals();
        if (!teams.isEmpty() && parsed.kinds().contains(Violation.Kind.SYSTEM)) {
            for (int i = 0; i < next.systems().size(); i++) {
                ConnectedSystem s = next.systems().get(i);
                if (s.ownerTeam() != null && !teams.contains(s.ownerTeam())) {
                    OwnershipFiles.Origin o = parsed.origins().get(Violation.Kind.SYSTEM).get(i);
                    out.add(new OwnershipFiles.Problem(o.file(), o.lineOf("ownerTeam"), "ownerTeam: team '"
                            + s.ownerTeam() + "' is not listed under teams"));
                }
            }
        }
        if (!principals.isEmpty() && parsed.kinds().contains(Violation.Kind.FLOW)) {
            for (int i = 0; i < next.flows().size(); i++) {
                DataFlow f = next.flows().get(i);
                if (f.owner() != null && !principals.contains(f.owner())) {
                    OwnershipFiles.Origin o = parsed.origins().get(Violation.Kind.FLOW).get(i);
                    out.add(new OwnershipFiles.Problem(o.file(), o.lineOf("owner"), "owner: principal '" + f.owner()
                            + "' is not listed under principals"));
                }
            }
        }
    }

    private static <T> Diff<T> diff(List<T> current, List<T> next, Function<T, String> key) {
        Map<String, T> stored = new LinkedHashMap<>();
        current.forEach(t -> stored.put(key.apply(t), t));
        Diff<T> d = new Diff<>(key);
        for (T t : next) {
            T before = stored.remove(key.apply(t));
            if (t.equals(before)) {
                d.unchanged++;
            } else {
                d.written.put(t, before);
            }
        }
        d.deleted.addAll(stored.values());
        return d;
    }

    /** Changes of one kind: written (new record to the stored one, null when created) and deleted. */
    private static final class Diff<T> {
        final Function<T, String> key;
        final Map<T, T> written = new LinkedHashMap<>();
        final List<T> deleted = new ArrayList<>();
        int unchanged;

        Diff(Function<T, String> key) {
            this.key = key;
        }

        void report(String kind, List<ImportReport.Change> out, int[] unchangedTotal) {
            written.forEach((t, before) -> out.add(new ImportReport.Change(kind, key.apply(t),
                    before == null ? ImportReport.Action.CREATE : ImportReport.Action.UPDATE)));
            deleted.forEach(t -> out.add(new ImportReport.Change(kind, key.apply(t), ImportReport.Action.DELETE)));
            unchangedTotal[0] += unchanged;
        }
    }
}
