package org.canonicalregistry.schema;

/**
 * The text a regular-expression matcher reads, one position at a time, with a cap on the reads and on the time
 * they take: past either, the read throws {@link Exhausted}. The cap on reads bounds a backtracking matcher
 * ({@link BoundedBacktracking}); the clock, checked every 256 reads, stops a long RE2J match within a few
 * milliseconds of its deadline ({@link LinearTimeRegex}). Not thread-safe: one per match.
 */
final class MeteredText implements CharSequence {

  /** A deadline that never comes. */
  static final long NO_DEADLINE = Long.MAX_VALUE;

  /** Thrown by a read past the cap; carries no stack trace, it is control flow. */
  static final class Exhausted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private Exhausted() {
      super("regular-expression read allowance or time budget exhausted", null, false, false);
    }
  }

  private final String text;
  private long readsLeft;
  private final long deadline;
  private int reads;

  /**
   * @param readsAllowed reads before {@link Exhausted}
   * @param deadline     {@link System#nanoTime()} after which a read throws, or {@link #NO_DEADLINE}
   */
  MeteredText(String text, long readsAllowed, long deadline) {
    this.text = text;
    this.readsLeft = readsAllowed;
    this.deadline = deadline;
  }

  @Override
  public int length() {
    return text.length();
  }

  @Override
  public char charAt(int index) {
    if (--readsLeft < 0 || deadline != NO_DEADLINE && (++reads & 0xFF) == 0 && System.nanoTime() - deadline > 0) {
      throw new Exhausted();
    }
    return text.charAt(index);
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return text.subSequence(start, end);
  }

  @Override
  public String toString() {
    return text;
  }
}
