package org.canonicalregistry.schema.compat;

/**
 * Which directions are checked, and against which earlier versions.
 *
 * <p>BACKWARD: every instance valid under the previous schema is valid under the candidate. FORWARD: the reverse.
 * FULL: both. The {@code _TRANSITIVE} modes check against every earlier version the caller passes (the whole
 * major line), the others only against the latest (the last element of the list). NONE checks nothing.
 */
public enum CompatibilityMode {
  NONE(false, false, false),
  BACKWARD(true, false, false),
  BACKWARD_TRANSITIVE(true, false, true),
  FORWARD(false, true, false),
  FORWARD_TRANSITIVE(false, true, true),
  FULL(true, true, false),
  FULL_TRANSITIVE(true, true, true);

  private final boolean backward;
  private final boolean forward;
  private final boolean transitive;

  CompatibilityMode(boolean backward, boolean forward, boolean transitive) {
    this.backward = backward;
    this.forward = forward;
    this.transitive = transitive;
  }

  /** True when this mode requires old instances to stay valid. */
  public boolean checksBackward() {
    return backward;
  }

  /** True when this mode requires new instances to be valid under the old schema. */
  public boolean checksForward() {
    return forward;
  }

  /** True when this mode checks every earlier version, not only the latest. */
  public boolean transitive() {
    return transitive;
  }

  /** True when a change breaking {@code breaks} makes a version incompatible under this mode. */
  public boolean violatedBy(Breaks breaks) {
    return (backward && breaks.backward()) || (forward && breaks.forward());
  }
}
