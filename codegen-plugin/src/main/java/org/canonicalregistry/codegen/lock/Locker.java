package org.canonicalregistry.codegen.lock;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.canonicalregistry.client.model.SchemaState;
import org.canonicalregistry.client.model.SchemaVersion;
import org.canonicalregistry.client.model.VersionReference;
import org.canonicalregistry.codegen.generator.CodegenException;
import org.canonicalregistry.codegen.registry.RegistryGateway;

/**
 * Resolves selections and every version they reference, transitively, against the registry. Only versions the
 * registry has published are eligible (proposals are not versions). A deprecated version is locked with a warning
 * naming its sunset date; a retired one is an error.
 */
public final class Locker {

  /**
   * The resolved lock and what the build should warn about.
   *
   * @param lock     the lock file content
   * @param warnings one sentence per deprecated version
   */
  public record Outcome(LockFile lock, List<String> warnings) {
    public Outcome {
      Objects.requireNonNull(lock, "lock");
      warnings = List.copyOf(warnings);
    }
  }

  private Locker() {
  }

  /**
   * @param registry   where to resolve
   * @param selections as written in the POM, e.g. {@code customer@2}
   * @throws CodegenException for a bad selection, an unknown entity or version, a retired version or a failed call
   */
  public static Outcome resolve(RegistryGateway registry, List<String> selections) {
    if (selections.isEmpty()) {
      throw new CodegenException("no selections to lock; list them, e.g. <selections><selection>customer@1"
          + "</selection></selections> or -Dcanonical.selections=customer@1,order@1");
    }
    Map<String, LockedSchema> locked = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>();
    Deque<String[]> pending = new ArrayDeque<>();
    for (String text : selections) {
      Selection s = Selection.parse(text);
      pending.add(new String[] {s.entity(), s.selector(), "selection " + s});
    }
    while (!pending.isEmpty()) {
      String[] next = pending.removeFirst();
      String label = next[0] + "@" + next[1];
      if (locked.containsKey(label)) {
        continue;
      }
      SchemaVersion v = registry.version(next[0], next[1]);
      String exact = v.getEntity() + "@" + v.getVersion();
      if (v.getState() == SchemaState.RETIRED) {
        throw new CodegenException(exact + " (" + next[2] + ") is retired in registry " + registry.url()
            + "; select a version that is still published");
      }
      if (locked.containsKey(exact)) {
        continue;
      }
      if (v.getState() == SchemaState.DEPRECATED) {
        warnings.add(exact + " (" + next[2] + ") is deprecated" + (v.getSunsetDate() == null ? ""
            : ", sunset " + v.getSunsetDate()) + "; plan the move to a newer version");
      }
      locked.put(exact, new LockedSchema(v.getEntity(), v.getVersion(), v.getGlobalId(), v.getFingerprint(),
          v.getState().getValue(), v.getSchema()));
      for (VersionReference ref : v.getReferences()) {
        pending.add(new String[] {ref.getEntity(), ref.getVersion(), "referenced by " + exact});
      }
    }
    return new Outcome(new LockFile(selections, new ArrayList<>(locked.values())), warnings);
  }
}
