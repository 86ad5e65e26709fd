package org.canonicalregistry.schema.compat;

import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.canonicalregistry.schema.DraftNormalizer;
import org.canonicalregistry.schema.ReferenceResolver;
import org.canonicalregistry.schema.SchemaEngine;
import org.canonicalregistry.schema.SchemaReference;
import org.canonicalregistry.schema.SchemaRejectedException;
import tools.jackson.databind.JsonNode;

/**
 * Checks JSON Schema changes for compatibility under instance-set semantics (JSON Schema 2020-12; older drafts are
 * normalised first). Immutable and thread-safe; build once and share.
 *
 * <p>Errors: null arguments throw {@link NullPointerException}. A check running on an interrupted thread stops with
 * {@link java.util.concurrent.CancellationException}, so a caller can bound a hostile schema with a timeout. Schemas
 * are never fetched: only local references and registry references through the configured resolver are followed.
 * A {@code $schema} naming an unsupported draft throws {@link SchemaRejectedException} ({@code INVALID_SCHEMA}); a
 * schema nested deeper than the schema engine's {@code SchemaLimits.maxDepth()} throws it with {@code TOO_DEEP}.
 *
 * <pre>{@code
 * CompatibilityEngine engine = CompatibilityEngine.builder()
 *     .schemaEngine(schemaEngine)            // the real validator confirms witnesses
 *     .referenceResolver(registryResolver)   // urn:canonical:<entity>:<M>.<m>
 *     .build();
 * CompatibilityReport r = engine.check(BACKWARD_TRANSITIVE, STRICT, candidate, publishedOldestFirst);
 * }</pre>
 */
public final class CompatibilityEngine {
  private final DocumentSource documents;
  private final UnaryOperator<JsonNode> normalizer;
  private final InstanceValidator validator;
  private final boolean witnesses;

  CompatibilityEngine(DocumentSource documents, UnaryOperator<JsonNode> normalizer, InstanceValidator validator,
                      boolean witnesses) {
    this.documents = Objects.requireNonNull(documents);
    this.normalizer = Objects.requireNonNull(normalizer);
    this.validator = validator;
    this.witnesses = witnesses && validator != null;
  }

  /**
   * A builder with the defaults: witnesses on, confirmed by a default {@link SchemaEngine}, no registry references
   * resolvable, schemas without {@code $schema} read as 2020-12.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Same as {@code builder().build()}. */
  public static CompatibilityEngine withDefaults() {
    return builder().build();
  }

  /**
   * Every detected change from {@code old} to {@code updated}, in a stable order (schema walk order), before any
   * policy judges it.
   *
   * @param old     the earlier schema, not null
   * @param updated the later schema, not null
   */
  public List<SchemaChange> diff(JsonNode old, JsonNode updated) {
    Objects.requireNonNull(old, "old");
    Objects.requireNonNull(updated, "updated");
    References refs = new References(documents, normalizer);
    return SchemaDiff.diff(refs, document(old), document(updated)).stream().map(DetectedChange::change).toList();
  }

  /**
   * Checks {@code candidate} against the earlier versions of its major line.
   *
   * @param mode                       which directions, and against the latest or every earlier version
   * @param policy                     how changes are judged
   * @param candidate                  the proposed schema
   * @param earlierVersionsOldestFirst the published versions of the same major line, oldest first; may be empty (then
   *                                   the candidate is compatible); elements must not be null
   * @return the verdict, one result per checked version (the latest only, unless the mode is transitive), each
   *     change judged under {@code policy}, with witnesses for the directions the mode checks when enabled
   */
  public CompatibilityReport check(CompatibilityMode mode, CompatibilityPolicy policy, JsonNode candidate,
                                   List<JsonNode> earlierVersionsOldestFirst) {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(candidate, "candidate");
    List<JsonNode> earlier = List.copyOf(earlierVersionsOldestFirst);
    if (mode == CompatibilityMode.NONE || earlier.isEmpty()) {
      return new CompatibilityReport(mode, policy, true, List.of());
    }
    References refs = new References(documents, normalizer);
    WitnessFinder finder = witnesses ? new WitnessFinder(validator, refs) : null;
    SchemaDocument cand = document(candidate);
    WitnessFinder.Side candSide = new WitnessFinder.Side(candidate, cand);
    int from = mode.transitive() ? 0 : earlier.size() - 1;
    List<VersionResult> results = new ArrayList<>();
    for (int i = from; i < earlier.size(); i++) {
      JsonNode previous = earlier.get(i);
      SchemaDocument prev = document(previous);
      WitnessFinder.Side prevSide = new WitnessFinder.Side(previous, prev);
      List<JudgedChange> judged = new ArrayList<>();
      boolean compatible = true;
      for (DetectedChange d : SchemaDiff.diff(refs, prev, cand)) {
        Breaks breaks = policy.breaks(d.change().kind());
        compatible &= !mode.violatedBy(breaks);
        List<WitnessSearch> searches = new ArrayList<>();
        if (finder != null) {
          if (breaks.backward() && mode.checksBackward()) {
            searches.add(finder.find(d, Breaks.BACKWARD, prevSide, candSide));
          }
          if (breaks.forward() && mode.checksForward()) {
            searches.add(finder.find(d, Breaks.FORWARD, prevSide, candSide));
          }
        }
        judged.add(new JudgedChange(d.change(), breaks, searches));
      }
      results.add(new VersionResult(i, compatible, judged));
    }
    return new CompatibilityReport(mode, policy, results.stream().allMatch(VersionResult::compatible), results);
  }

  private SchemaDocument document(JsonNode schema) {
    return new SchemaDocument("", normalizer.apply(schema));
  }

  /** Configures a {@link CompatibilityEngine}. Not thread-safe; {@link #build()} copies what it needs. */
  public static final class Builder {
    private SchemaEngine schemaEngine;
    private ReferenceResolver resolver = ReferenceResolver.none();
    private SpecificationVersion defaultDraft = SpecificationVersion.DRAFT_2020_12;
    private boolean witnesses = true;

    private Builder() {
    }

    /**
     * The validator that confirms witnesses. It should resolve the same registry references as
     * {@link #referenceResolver(ReferenceResolver)}. Default: a {@link SchemaEngine} with default limits and that
     * resolver.
     */
    public Builder schemaEngine(SchemaEngine engine) {
      this.schemaEngine = Objects.requireNonNull(engine, "engine");
      return this;
    }

    /** Resolves {@code urn:canonical:} references while diffing. Default: {@link ReferenceResolver#none()}. */
    public Builder referenceResolver(ReferenceResolver resolver) {
      this.resolver = Objects.requireNonNull(resolver, "resolver");
      return this;
    }

    /** The draft of schemas that have no {@code $schema}. Default: 2020-12. */
    public Builder defaultDraft(SpecificationVersion draft) {
      this.defaultDraft = Objects.requireNonNull(draft, "draft");
      return this;
    }

    /** Whether breaking changes get witnesses (costs validator runs). Default: true. */
    public Builder witnesses(boolean enabled) {
      this.witnesses = enabled;
      return this;
    }

    public CompatibilityEngine build() {
      // Without an explicit engine, the validator resolves the same registry references as the diff.
      SchemaEngine validatorEngine = schemaEngine != null ? schemaEngine
          : SchemaEngine.builder().referenceResolver(resolver).build();
      ReferenceResolver r = resolver;
      SpecificationVersion draft = defaultDraft;
      DocumentSource documents = uri -> SchemaReference.parse(uri).flatMap(r::resolve);
      int maxDepth = validatorEngine.limits().maxDepth();
      UnaryOperator<JsonNode> normalizer = schema -> {
        boolean legacyKeywords = checkDepth(schema, maxDepth);
        // A 2020-12 document without the legacy "definitions" is already in normal form: skip the copy.
        return !legacyKeywords && sourceDraft(schema, draft) == SpecificationVersion.DRAFT_2020_12
            ? schema : normalise(schema, draft);
      };
      InstanceValidator validator = schema -> {
        // The validator reads $schema itself; only a non-default draft for a schema without one needs help.
        JsonNode toCompile = draft != SpecificationVersion.DRAFT_2020_12 && schema.isObject() && !schema.has("$schema")
            ? normalise(schema, draft) : schema;
        return validatorEngine.compile(toCompile)::isValid;
      };
      return new CompatibilityEngine(documents, normalizer, validator, witnesses);
    }

    private static SpecificationVersion sourceDraft(JsonNode schema, SpecificationVersion draft) {
      try {
        return DraftNormalizer.sourceDraft(schema, draft);
      } catch (IllegalArgumentException e) {
        throw new SchemaRejectedException(SchemaRejectedException.Reason.INVALID_SCHEMA, "/$schema", e.getMessage());
      }
    }

    /**
     * Iterative, so that a hostile nesting depth is refused before anything recurses over it.
     *
     * @return true when some object has a {@code definitions} keyword (or it is a property name: harmless either way)
     */
    private static boolean checkDepth(JsonNode schema, int maxDepth) {
      boolean legacy = false;
      java.util.ArrayDeque<JsonNode> nodes = new java.util.ArrayDeque<>();
      java.util.ArrayDeque<Integer> depths = new java.util.ArrayDeque<>();
      nodes.push(schema);
      depths.push(1);
      while (!nodes.isEmpty()) {
        JsonNode n = nodes.pop();
        int d = depths.pop();
        if (!n.isContainer()) {
          continue;
        }
        if (d > maxDepth) {
          throw new SchemaRejectedException(SchemaRejectedException.Reason.TOO_DEEP, "",
              "schema nests deeper than " + maxDepth + " levels");
        }
        legacy |= n.isObject() && n.has("definitions");
        for (JsonNode child : n.values()) {
          nodes.push(child);
          depths.push(d + 1);
        }
      }
      return legacy;
    }

    private static JsonNode normalise(JsonNode schema, SpecificationVersion draft) {
      try {
        return DraftNormalizer.toDraft2020(schema, draft);
      } catch (IllegalArgumentException e) {
        throw new SchemaRejectedException(SchemaRejectedException.Reason.INVALID_SCHEMA, "/$schema", e.getMessage());
      }
    }
  }
}
