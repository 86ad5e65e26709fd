package org.canonicalregistry.schema;

import java.util.Optional;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;

/**
 * The only regular-expression engine the validator uses: RE2J, which matches in time linear in the input,
 * so {@code pattern}, {@code patternProperties} and {@code format: regex} can never hang a thread.
 *
 * <p>JSON Schema patterns are ECMA-262. RE2 covers the common subset; the differences (documented in
 * docs/canonical-profile.md) are: no backreferences and no lookaround (refused as UNSAFE_PATTERN),
 * {@code \s} is ASCII whitespace only, and <code>&#92;uXXXX</code> escapes are translated to RE2's
 * {@code \x{XXXX}}. Matching is unanchored ("find"), as JSON Schema requires.
 *
 * <p>The validator's answer is always RE2J's, but short strings are first tried on the JDK's faster matcher
 * under a read allowance ({@link BoundedBacktracking}); it answers as RE2J would, or gives up and RE2J answers.
 */
final class LinearTimeRegex implements RegularExpressionFactory {

  static final LinearTimeRegex INSTANCE = new LinearTimeRegex();

  private LinearTimeRegex() {
  }

  /**
   * Time all regular-expression evaluations of one validation call may take together. RE2J is linear,
   * but its cost is input length times program size: a 981-atom pattern over a 1 MiB string takes
   * over ten seconds. Past the budget every remaining evaluation fails closed and the validation is
   * reported invalid (see {@link Budget}).
   */
  static final long BUDGET_NANOS = 1_000_000_000L;

  private static final ThreadLocal<Budget> CURRENT = new ThreadLocal<>();

  /** The regex time budget of one validation call on the current thread. */
  static final class Budget implements AutoCloseable {
    private final long deadline = System.nanoTime() + BUDGET_NANOS;
    private final Budget outer;
    private boolean exhausted;

    private Budget(Budget outer) {
      this.outer = outer;
    }

    /** @return true when some evaluation was cut short; the validation must then count as failed */
    boolean exhausted() {
      return exhausted;
    }

    @Override
    public void close() {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }

  /** Starts a budget for the current thread; close it in a finally block (try-with-resources). */
  static Budget openBudget() {
    Budget budget = new Budget(CURRENT.get());
    CURRENT.set(budget);
    return budget;
  }

  @Override
  public RegularExpression getRegularExpression(String regex) {
    return new Expression(regex, compile(regex));
  }

  /** One compiled pattern, matched under the current thread's budget. Thread-safe. */
  private static final class Expression implements RegularExpression {
    private final String regex;
    private final Pattern pattern;
    /**
     * Built on the first match, not at compile: format: regex compiles each instance value only to see that it
     * compiles, and never matches with it. Null until then; a race builds it twice, equally.
     */
    private volatile Optional<BoundedBacktracking> fast;

    Expression(String regex, Pattern pattern) {
      this.regex = regex;
      this.pattern = pattern;
    }

    @Override
    public boolean matches(String value) {
      Budget budget = CURRENT.get();
      if (budget != null && budget.exhausted) {
        return false;
      }
      Optional<BoundedBacktracking> jdk = fast;
      if (jdk == null) {
        jdk = Optional.ofNullable(BoundedBacktracking.of(regex));
        fast = jdk;
      }
      if (jdk.isPresent()) {
        BoundedBacktracking.Outcome outcome = jdk.get().find(value);
        if (outcome != BoundedBacktracking.Outcome.GAVE_UP) {
          return outcome == BoundedBacktracking.Outcome.MATCH;
        }
      }
      long deadline = budget != null ? budget.deadline : System.nanoTime() + BUDGET_NANOS;
      try {
        return pattern.matcher(new MeteredText(value, Long.MAX_VALUE, deadline)).find();
      } catch (MeteredText.Exhausted e) {
        if (budget != null) {
          budget.exhausted = true;
        }
        return false;
      }
    }
  }

  /**
   * Largest program a pattern may expand to. RE2J matches in time proportional to input length times
   * program size, and compiles counted repetitions by copying ({@code (a{1000}){1000}} is a million
   * instructions and exhausts the heap when nested once more), so the size must be bounded before
   * RE2J sees the pattern.
   */
  static final long MAX_EXPANDED_SIZE = 1_000;

  /**
   * @throws PatternSyntaxException when RE2J cannot compile the (translated) pattern
   * @throws IllegalArgumentException when the pattern expands beyond {@link #MAX_EXPANDED_SIZE}
   */
  static Pattern compile(String ecmaRegex) {
    Shape shape = shape(ecmaRegex);
    if (shape.depth() > MAX_GROUP_DEPTH) {
      throw new IllegalArgumentException("it nests groups " + shape.depth() + " deep; the limit is "
          + MAX_GROUP_DEPTH);
    }
    long size = shape.size();
    if (size > MAX_EXPANDED_SIZE) {
      throw new IllegalArgumentException("its counted repetitions expand to " + (size >= CAP ? "more than " + CAP : size)
          + " atoms; the limit is " + MAX_EXPANDED_SIZE);
    }
    return Pattern.compile(translate(ecmaRegex));
  }

  private static final long CAP = 1_000_000_000L;

  /**
   * Upper estimate of the number of atoms RE2J's compiler emits: each atom counts one, a counted
   * repetition {@code {n,m}} multiplies what it repeats by its largest count, alternatives add up.
   * A scan, not a parser: it only has to over-estimate, RE2J still validates the syntax.
   */
  static long expandedSize(String re) {
    return shape(re).size();
  }

  /**
   * Deepest nesting of groups a pattern may have. RE2J's parser and compiler recurse once per level, so a few
   * thousand nested parentheses overflow the thread's stack; a StackOverflowError is no answer to bad input.
   */
  static final int MAX_GROUP_DEPTH = 100;

  /** What one scan of a pattern finds: its expanded size (see {@link #expandedSize}) and its group depth. */
  record Shape(long size, int depth) {
  }

  static Shape shape(String re) {
    java.util.ArrayDeque<long[]> frames = new java.util.ArrayDeque<>(); // {total, last}
    frames.push(new long[2]);
    int depth = 0;
    int i = 0;
    while (i < re.length()) {
      char c = re.charAt(i);
      long[] frame = frames.peek();
      switch (c) {
        case '\\' -> {
          i = skipEscape(re, i);
          atom(frame, 1);
          continue;
        }
        case '[' -> {
          i = skipClass(re, i);
          atom(frame, 1);
          continue;
        }
        case '(' -> {
          frames.push(new long[2]);
          depth = Math.max(depth, frames.size() - 1);
        }
        case ')' -> {
          if (frames.size() > 1) {
            long[] group = frames.pop();
            atom(frames.peek(), add(group[0], group[1]));
          }
        }
        case '|' -> {
          frame[0] = add(frame[0], frame[1]);
          frame[1] = 0;
        }
        case '{' -> {
          int end = re.indexOf('}', i);
          long count = end < 0 ? -1 : repeatCount(re.substring(i + 1, end));
          if (count >= 0) {
            frame[1] = multiply(frame[1], Math.max(count, 1));
            i = end + 1;
            continue;
          }
          atom(frame, 1);
        }
        case '*', '+', '?' -> {
          // repeat by looping, not by copying: no growth
        }
        default -> atom(frame, 1);
      }
      i++;
    }
    long total = 0;
    while (!frames.isEmpty()) {
      long[] frame = frames.pop();
      total = add(total, add(frame[0], frame[1]));
    }
    return new Shape(total, depth);
  }

  private static void atom(long[] frame, long size) {
    frame[0] = add(frame[0], frame[1]);
    frame[1] = size;
  }

  /** @return the largest count of {@code n}, {@code n,} or {@code n,m} (n+1 for open ranges), or -1 */
  private static long repeatCount(String body) {
    if (!body.matches("\\d{1,9}(,\\d{0,9})?")) {
      return -1;
    }
    int comma = body.indexOf(',');
    if (comma < 0) {
      return Long.parseLong(body);
    }
    long min = Long.parseLong(body.substring(0, comma));
    String max = body.substring(comma + 1);
    return max.isEmpty() ? min + 1 : Math.max(min, Long.parseLong(max));
  }

  private static int skipEscape(String re, int i) {
    int next = i + 1;
    if (next >= re.length()) {
      return next;
    }
    char e = re.charAt(next);
    if ((e == 'x' || e == 'p' || e == 'P') && next + 1 < re.length() && re.charAt(next + 1) == '{') {
      int close = re.indexOf('}', next);
      return close < 0 ? re.length() : close + 1;
    }
    if (e == 'p' || e == 'P') {
      return Math.min(re.length(), next + 2);
    }
    return next + 1;
  }

  private static int skipClass(String re, int i) {
    int j = i + 1;
    if (j < re.length() && re.charAt(j) == '^') {
      j++;
    }
    if (j < re.length() && re.charAt(j) == ']') {
      j++;
    }
    while (j < re.length() && re.charAt(j) != ']') {
      if (re.charAt(j) == '\\') {
        j = skipEscape(re, j);
      } else if (re.startsWith("[:", j)) {
        int close = re.indexOf(":]", j + 2);
        j = close < 0 ? j + 1 : close + 2;
      } else {
        j++;
      }
    }
    return Math.min(re.length(), j + 1);
  }

  private static long add(long a, long b) {
    return Math.min(CAP, a + b);
  }

  private static long multiply(long a, long b) {
    return a == 0 || b == 0 ? 0 : (a > CAP / b ? CAP : Math.min(CAP, a * b));
  }

  /** @return null when the pattern compiles, else RE2J's explanation */
  static String problem(String ecmaRegex) {
    try {
      compile(ecmaRegex);
      return null;
    } catch (PatternSyntaxException e) {
      return e.getDescription() + (e.getPattern() == null || e.getPattern().isEmpty() ? "" : " in '" + e.getPattern() + "'");
    } catch (RuntimeException e) {
      return String.valueOf(e.getMessage());
    }
  }

  /** Rewrites ECMA-only escapes into RE2 syntax; everything else passes through unchanged. */
  static String translate(String ecma) {
    StringBuilder out = new StringBuilder(ecma.length() + 8);
    for (int i = 0; i < ecma.length(); i++) {
      char c = ecma.charAt(i);
      if (c == '\\' && i + 1 < ecma.length()) {
        char next = ecma.charAt(i + 1);
        if (next == 'u' && isHex4(ecma, i + 2)) {
          out.append("\\x{").append(ecma, i + 2, i + 6).append('}');
          i += 5;
          continue;
        }
        out.append(c).append(next);
        i++;
        continue;
      }
      out.append(c);
    }
    return out.toString();
  }

  private static boolean isHex4(String s, int from) {
    if (from + 4 > s.length()) {
      return false;
    }
    for (int k = from; k < from + 4; k++) {
      if (Character.digit(s.charAt(k), 16) < 0) {
        return false;
      }
    }
    return true;
  }
}
