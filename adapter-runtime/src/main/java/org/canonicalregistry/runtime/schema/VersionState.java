package org.canonicalregistry.runtime.schema;

/** The registry's lifecycle state of a published schema version. Proposals never reach the runtime. */
public enum VersionState {
  /** Current; messages pass. */
  PUBLISHED,
  /** Still accepted, with a warning metric and a {@code deprecation} extension on the envelope. */
  DEPRECATED,
  /** No longer accepted: messages of this version are dead-lettered with {@code RETIRED_VERSION}. */
  RETIRED
}
