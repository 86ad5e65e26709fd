package org.canonicalregistry.schema;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;

import org.canonicalregistry.schema.SchemaRejectedException.Reason;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.PathType;

import tools.jackson.databind.JsonNode;

/**
 * Loads, checks and compiles JSON Schemas without ever fetching anything.
 *
 * <p>Immutable and thread-safe; build once and share. Every engine - from {@link #builder()},
 * {@link #withDefaults()} or {@link #toBuilder()} - carries the same fixed security settings: only the
 * bundled draft meta-schemas and {@code urn:canonical:} references (via the {@link ReferenceResolver})
 * can be loaded; http, https, file, classpath, jar and every other scheme are refused with
 * {@link Reason#REMOTE_REFERENCE}. Regular expressions run on RE2J (linear time). Format assertions are on.
 *
 * <p>All methods throw {@link SchemaRejectedException} for a refused document and
 * {@link NullPointerException} for a null argument.
 */
public final class SchemaEngine {

  /** The settings every copy of an engine carries; nothing in here can switch fetching on. */
  record Settings(SchemaLimits limits, ReferenceResolver resolver) {
    Settings {
      Objects.requireNonNull(limits, "limits");
      Objects.requireNonNull(resolver, "resolver");
    }
  }

  private final Settings settings;
  private final BoundedJsonReader reader;
  private final Schema metaSchema;

  private SchemaEngine(Settings settings) {
    this.settings = settings;
    this.reader = new BoundedJsonReader(settings.limits());
    // The meta-schema needs no registry document. The 2020-12 meta-schema only annotates "format";
    // asserting it there would turn an unsafe pattern into a vague meta-schema error, not UNSAFE_PATTERN.
    RegistryOnlySchemaLoader metaLoader = new RegistryOnlySchemaLoader(ReferenceResolver.none(), reader.mapper());
    this.metaSchema = registry(metaLoader, false).getSchema(SchemaLocation.of(MetaSchemas.DRAFT_2020_12));
    this.metaSchema.initializeValidators();
  }

  /** Draft 2020-12 with the specification's e-mail rule (RFC 5321 Mailbox) in place of networknt's own. */
  private static final Dialect CANONICAL_DRAFT_2020_12 = Dialect.builder(Dialects.getDraft202012())
      .format(MailboxFormat.INSTANCE)
      .build();

  private static SchemaRegistry registry(RegistryOnlySchemaLoader loader, boolean formatAssertions) {
    SchemaRegistryConfig config = SchemaRegistryConfig.builder()
        .formatAssertionsEnabled(formatAssertions)
        .regularExpressionFactory(LinearTimeRegex.INSTANCE)
        .pathType(PathType.JSON_POINTER)
        .build();
    return SchemaRegistry.withDefaultDialect(CANONICAL_DRAFT_2020_12, b -> b
        .schemaLoader(loader)
        .schemaRegistryConfig(config)
        // Each compile stands alone: no document is remembered under its $id for the next one.
        .schemaCacheEnabled(false));
  }

  /** @return a builder with default limits and no resolvable registry references */
  public static Builder builder() {
    return new Builder(new Settings(SchemaLimits.defaults(), ReferenceResolver.none()));
  }

  /** @return an engine with default limits that resolves no registry reference */
  public static SchemaEngine withDefaults() {
    return builder().build();
  }

  /** @return a builder preset with this engine's settings */
  public Builder toBuilder() {
    return new Builder(settings);
  }

  /** @return the limits in force */
  public SchemaLimits limits() {
    return settings.limits();
  }

  /**
   * Registration path: byte and depth bounds, strict UTF-8 JSON without duplicate keys, the draft 2020-12
   * meta-schema, the canonical profile, references (local ones must resolve in the document, registry ones
   * through the resolver), regex safety, reference cycles; then canonical form and fingerprint.
   *
   * @param utf8Json not null
   * @return the accepted schema
   * @throws SchemaRejectedException naming reason, pointer and limit
   */
  public CanonicalSchema load(byte[] utf8Json) {
    return loadParsed(reader.readSchema(utf8Json));
  }

  /** Same as {@link #load(byte[])} for text; the byte limit applies to its UTF-8 form. */
  public CanonicalSchema load(String json) {
    return loadParsed(reader.readSchema(json));
  }

  private CanonicalSchema loadParsed(JsonNode document) {
    checkMetaSchema(document);
    if (!document.isObject()) {
      // true/false are valid schemas, but they describe no entity a generator could turn into a type.
      throw new SchemaRejectedException(Reason.INVALID_SCHEMA, "", "schema is the boolean " + document
          + "; a registered schema must be a JSON object describing the entity");
    }
    SchemaInspection.Findings findings = SchemaInspection.inspect(document, SchemaInspection.Mode.LOAD,
        settings.resolver());
    CompiledSchema compiled = compileInspected(document, findings);
    String canonical = CanonicalJson.canonicalize(document);
    return new CanonicalSchema(document, canonical, CanonicalJson.fingerprint(canonical), findings.references(),
        compiled);
  }

  /**
   * Compiles a schema of any supported draft ({@code $schema} decides: draft-04, -06, -07, 2019-09,
   * 2020-12; default 2020-12) without the canonical-profile check. Still never fetches, refuses unsafe
   * patterns and non-terminating reference cycles, and bounds depth.
   *
   * @param schema not null
   * @throws SchemaRejectedException naming reason and pointer
   */
  public CompiledSchema compile(JsonNode schema) {
    Objects.requireNonNull(schema, "schema");
    reader.checkDepth(schema, "schema");
    return compileInspected(schema, SchemaInspection.inspect(schema, SchemaInspection.Mode.COMPILE,
        settings.resolver()));
  }

  /**
   * Parses an instance document with the same checks as a schema (strict UTF-8, duplicate keys, depth)
   * and the instance byte limit {@link SchemaLimits#maxInstanceBytes()}.
   *
   * @param utf8Json not null
   */
  public JsonNode parseInstance(byte[] utf8Json) {
    return reader.readInstance(utf8Json);
  }

  /** Convenience for {@link #parseInstance(byte[])} on text. */
  public JsonNode parseInstance(String json) {
    Objects.requireNonNull(json, "json");
    if (json.length() > settings.limits().maxInstanceBytes()) {
      throw new SchemaRejectedException(Reason.TOO_LARGE, "", "instance is at least " + json.length()
          + " bytes; the limit is " + settings.limits().maxInstanceBytes());
    }
    return reader.readInstance(json.getBytes(StandardCharsets.UTF_8));
  }

  private void checkMetaSchema(JsonNode document) {
    List<Error> errors = metaSchema.validate(document);
    if (errors.isEmpty()) {
      return;
    }
    List<String> details = new ArrayList<>();
    for (Error e : errors) {
      details.add(pointerOf(e) + ": " + e.getMessage());
    }
    String first = pointerOf(errors.get(0));
    throw new SchemaRejectedException(Reason.INVALID_SCHEMA, first, "schema does not conform to the draft 2020-12"
        + " meta-schema at " + JsonPointers.display(first) + ": " + errors.get(0).getMessage()
        + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""), details);
  }

  private static String pointerOf(Error e) {
    return e.getInstanceLocation() == null ? "" : e.getInstanceLocation().toString();
  }

  /**
   * Compiles against a networknt registry whose loader serves exactly the registry documents the
   * inspection checked: the resolver is never consulted again, so a store that changes its answer
   * cannot slip an unchecked document in, and validation never calls the store.
   */
  private CompiledSchema compileInspected(JsonNode schema, SchemaInspection.Findings findings) {
    Map<SchemaReference, JsonNode> documents = findings.documents();
    RegistryOnlySchemaLoader loader = new RegistryOnlySchemaLoader(
        ref -> Optional.ofNullable(documents.get(ref)), reader.mapper());
    try {
      Schema compiled = registry(loader, true).getSchema(schema);
      compiled.initializeValidators();
      return new NetworkntCompiledSchema(compiled);
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof SchemaRejectedException rejected) {
          throw rejected;
        }
      }
      throw new SchemaRejectedException(Reason.INVALID_SCHEMA, "", "the validator refused the schema: "
          + e.getMessage(), e);
    }
  }

  /** Collects settings; not thread-safe, build once. */
  public static final class Builder {
    private SchemaLimits limits;
    private ReferenceResolver resolver;

    private Builder(Settings from) {
      this.limits = from.limits();
      this.resolver = from.resolver();
    }

    /** @param limits not null */
    public Builder limits(SchemaLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** @param resolver not null; called for {@code urn:canonical:} references only */
    public Builder referenceResolver(ReferenceResolver resolver) {
      this.resolver = Objects.requireNonNull(resolver, "resolver");
      return this;
    }

    public SchemaEngine build() {
      return new SchemaEngine(new Settings(limits, resolver));
    }
  }
}
