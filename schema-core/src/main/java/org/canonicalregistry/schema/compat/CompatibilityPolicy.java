package org.canonicalregistry.schema.compat;

/**
 * How the typed change catalogue is interpreted.
 *
 * <ul>
 *   <li>{@link #STRICT}: pure instance-set semantics; each {@link ChangeKind} breaks what {@link ChangeKind#strict()}
 *       says.</li>
 *   <li>{@link #LENIENT}: the tolerant-reader view, where readers ignore properties they do not know. Adding an
 *       optional property to an open content model, removing a property from an open content model, and changes to
 *       {@code additionalProperties} / {@code unevaluatedProperties} / pattern properties that only open or close the
 *       model are allowed; every other kind keeps its strict direction ({@link ChangeKind#lenient()}).</li>
 * </ul>
 */
public enum CompatibilityPolicy {
  STRICT,
  LENIENT;

  /** The directions {@code kind} breaks under this policy; never null. */
  public Breaks breaks(ChangeKind kind) {
    return this == STRICT ? kind.strict() : kind.lenient();
  }
}
