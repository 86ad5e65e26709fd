package org.canonicalregistry.schema.compat;

/**
 * Which compatibility direction a change breaks.
 *
 * <p>{@link #BACKWARD}: some instance valid under the old schema is invalid under the new one (new readers
 * cannot read old data). {@link #FORWARD}: some instance valid under the new schema is invalid under the old
 * one (old readers cannot read new data).
 */
public enum Breaks {
  NEITHER(false, false),
  BACKWARD(true, false),
  FORWARD(false, true),
  BOTH(true, true);

  private final boolean backward;
  private final boolean forward;

  Breaks(boolean backward, boolean forward) {
    this.backward = backward;
    this.forward = forward;
  }

  /** True when the change breaks backward compatibility (old data rejected by the new schema). */
  public boolean backward() {
    return backward;
  }

  /** True when the change breaks forward compatibility (new data rejected by the old schema). */
  public boolean forward() {
    return forward;
  }

  /** The direction with the other two directions swapped; used when a differ compares a contravariant keyword. */
  Breaks reversed() {
    return of(forward, backward);
  }

  static Breaks of(boolean backward, boolean forward) {
    if (backward) {
      return forward ? BOTH : BACKWARD;
    }
    return forward ? FORWARD : NEITHER;
  }
}
