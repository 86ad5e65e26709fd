package org.canonicalregistry.runtime.schema;

import java.util.Optional;

/**
 * Where published schemas and compatibility verdicts come from: the registry ({@link RegistrySchemaSource}) or a
 * folder of schema files ({@link LocalSchemaSource}). The {@link SchemaCache} sits in front of it; the hot path
 * never calls a source for a cached version.
 *
 * <p>Implementations are thread-safe. An empty answer is definitive ("no such version"); an answer the source
 * cannot give right now is a {@link SchemaUnavailableException}. Null arguments throw {@link NullPointerException}.
 */
public interface SchemaSource {

  /**
   * @return the exact version, or empty when the source holds no such published version
   * @throws SchemaUnavailableException when the source cannot answer now
   */
  Optional<SchemaDescriptor> version(String entity, int major, int minor);

  /**
   * @return the version with that global id, or empty when unknown
   * @throws SchemaUnavailableException when the source cannot answer now
   */
  Optional<SchemaDescriptor> byId(long globalId);

  /**
   * @return the newest non-retired version of the major line, or empty when the line has none
   * @throws SchemaUnavailableException when the source cannot answer now
   */
  Optional<SchemaDescriptor> latest(String entity, int major);

  /**
   * Whether a reader built for {@code reader} can read every message valid under {@code writer}, i.e. the
   * change from {@code reader} to {@code writer} is FORWARD compatible (instance-set semantics).
   *
   * @throws SchemaUnavailableException when the source cannot answer now
   */
  boolean forwardCompatible(SchemaDescriptor reader, SchemaDescriptor writer);

  /** @return a short name for logs and metrics, e.g. {@code registry} */
  default String name() {
    return getClass().getSimpleName();
  }
}
