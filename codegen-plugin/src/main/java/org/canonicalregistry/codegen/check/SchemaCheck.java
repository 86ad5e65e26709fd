package org.canonicalregistry.codegen.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.canonicalregistry.client.model.CompatibilityChange;
import org.canonicalregistry.client.model.CompatibilityResult;
import org.canonicalregistry.client.model.CompatibilityWitness;
import org.canonicalregistry.client.model.SchemaVersion;
import org.canonicalregistry.codegen.generator.SchemaSource;
import org.canonicalregistry.codegen.lock.LockFile;
import org.canonicalregistry.codegen.lock.LockedSchema;
import org.canonicalregistry.codegen.registry.RegistryGateway;
import org.canonicalregistry.schema.ReferenceResolver;
import org.canonicalregistry.schema.SchemaEngine;
import org.canonicalregistry.schema.compat.CompatibilityEngine;
import org.canonicalregistry.schema.compat.CompatibilityMode;
import org.canonicalregistry.schema.compat.CompatibilityPolicy;
import org.canonicalregistry.schema.compat.CompatibilityReport;
import org.canonicalregistry.schema.compat.JudgedChange;
import org.canonicalregistry.schema.compat.VersionResult;
import org.canonicalregistry.schema.compat.WitnessSearch;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compares each local schema with its locked or registered version. A schema whose fingerprint equals its
 * baseline is unchanged and never sent anywhere. A changed one is checked by the registry's compatibility endpoint
 * (the entity's own mode and policy) or, offline, by schema-core's engine against the lock file's versions of the
 * same major line. Breaking changes are allowed only when the schema declares a new major with the annotation
 * {@value #MAJOR_KEYWORD} (e.g. {@code "x-canonical-major": 2}).
 */
public final class SchemaCheck {

  /** The annotation by which a schema declares that it starts a new major line. */
  public static final String MAJOR_KEYWORD = "x-canonical-major";
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private SchemaCheck() {
  }

  /** Against the registry's latest version of each entity, judged by the registry. */
  public static List<EntityVerdict> online(List<SchemaSource> local, RegistryGateway registry) {
    List<EntityVerdict> out = new ArrayList<>();
    for (SchemaSource s : local) {
      Optional<SchemaVersion> latest = registry.findVersion(s.entity(), "latest");
      if (latest.isEmpty()) {
        out.add(new EntityVerdict(s.entity(), null, EntityVerdict.Outcome.NEW, List.of()));
        continue;
      }
      SchemaVersion base = latest.get();
      String baseline = base.getEntity() + "@" + base.getVersion();
      if (base.getFingerprint().equals(s.schema().fingerprint())) {
        out.add(new EntityVerdict(s.entity(), baseline, EntityVerdict.Outcome.UNCHANGED, List.of()));
        continue;
      }
      CompatibilityResult r = registry.checkEntity(s.entity(), s.schema().json(), false);
      List<Finding> findings = new ArrayList<>();
      for (CompatibilityChange c : r.getChanges()) {
        String pointer = c.getNewPointer() != null ? c.getNewPointer() : c.getOldPointer();
        List<String> witnesses = new ArrayList<>();
        for (CompatibilityWitness w : r.getWitnesses()) {
          if (w.getChangeType().equals(c.getType()) && (w.getPointer() == null || w.getPointer().equals(pointer))) {
            witnesses.add(MAPPER.writeValueAsString(w.getInstance()) + " (accepted by " + w.getAcceptedBy()
                + ", rejected by " + w.getRejectedBy() + ")");
          }
        }
        findings.add(new Finding(c.getType(), pointer, Boolean.TRUE.equals(c.getBreaking()), c.getMessage(),
            witnesses));
      }
      out.add(new EntityVerdict(s.entity(), baseline, outcome(r.getCompatible(), declaredMajor(s), base.getMajor()),
          findings));
    }
    return out;
  }

  /** Against the lock file's versions of each entity's newest locked major, judged by schema-core. */
  public static List<EntityVerdict> offline(List<SchemaSource> local, LockFile lock, CompatibilityMode mode,
                                            CompatibilityPolicy policy) {
    Map<String, JsonNode> documents = new LinkedHashMap<>();
    for (LockedSchema l : lock.schemas()) {
      documents.put(l.label(), l.schema());
    }
    for (SchemaSource s : local) {
      documents.putIfAbsent(s.label(), s.schema().json());
    }
    ReferenceResolver resolver = ref -> Optional.ofNullable(documents.get(ref.toString()));
    CompatibilityEngine engine = CompatibilityEngine.builder()
        .schemaEngine(SchemaEngine.builder().referenceResolver(resolver).build())
        .referenceResolver(resolver)
        .build();
    List<EntityVerdict> out = new ArrayList<>();
    for (SchemaSource s : local) {
      List<LockedSchema> versions = lock.schemas().stream().filter(l -> l.entity().equals(s.entity()))
          .sorted(Comparator.comparingInt((LockedSchema l) -> major(l.version())).thenComparingInt(l -> minor(l.version())))
          .toList();
      if (versions.isEmpty()) {
        out.add(new EntityVerdict(s.entity(), null, EntityVerdict.Outcome.NEW, List.of()));
        continue;
      }
      LockedSchema newest = versions.get(versions.size() - 1);
      if (newest.fingerprint().equals(s.schema().fingerprint())) {
        out.add(new EntityVerdict(s.entity(), newest.label(), EntityVerdict.Outcome.UNCHANGED, List.of()));
        continue;
      }
      List<JsonNode> line = versions.stream().filter(l -> major(l.version()) == major(newest.version()))
          .map(LockedSchema::schema).toList();
      CompatibilityReport report = engine.check(mode, policy, s.schema().json(), line);
      List<Finding> findings = new ArrayList<>();
      for (VersionResult v : report.versions()) {
        for (JudgedChange c : v.changes()) {
          List<String> witnesses = new ArrayList<>();
          for (WitnessSearch w : c.witnesses()) {
            if (w instanceof WitnessSearch.Confirmed confirmed) {
              witnesses.add(MAPPER.writeValueAsString(confirmed.witness().instance()) + " (accepted by "
                  + confirmed.witness().acceptedBy() + ", rejected by " + confirmed.witness().rejectedBy() + ")");
            }
          }
          String pointer = c.change().newPointer().toString().isEmpty() ? c.change().oldPointer().toString()
              : c.change().newPointer().toString();
          findings.add(new Finding(c.change().kind().name(), pointer, mode.violatedBy(c.breaks()), c.sentence(),
              witnesses));
        }
      }
      out.add(new EntityVerdict(s.entity(), newest.label(), outcome(report.compatible(), declaredMajor(s),
          major(newest.version())), findings));
    }
    return out;
  }

  private static EntityVerdict.Outcome outcome(Boolean compatible, int declaredMajor, int baselineMajor) {
    if (Boolean.TRUE.equals(compatible)) {
      return EntityVerdict.Outcome.COMPATIBLE;
    }
    return declaredMajor > baselineMajor ? EntityVerdict.Outcome.NEW_MAJOR : EntityVerdict.Outcome.BREAKING;
  }

  private static int declaredMajor(SchemaSource s) {
    JsonNode m = s.schema().json().get(MAJOR_KEYWORD);
    return m != null && m.canConvertToInt() ? m.asInt() : -1;
  }

  private static int major(String version) {
    return Integer.parseInt(version.substring(0, version.indexOf('.')));
  }

  private static int minor(String version) {
    return Integer.parseInt(version.substring(version.indexOf('.') + 1));
  }
}
