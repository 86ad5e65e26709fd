package org.canonicalregistry.schema;

/**
 * The fast path of {@link LinearTimeRegex}: the JDK's backtracking matcher, on a pattern it reads exactly as RE2J
 * does, over a short string, allowed a fixed number of character reads. RE2J simulates an NFA and costs several
 * times the JDK's matcher on the short codes canonical patterns check ({@code ^[A-Z]{3}$}); backtracking is what
 * can take exponential time, so it is cut off after {@link #readsAllowed} reads and RE2J decides instead. Either
 * way a match costs time linear in the string, and the answer is RE2J's.
 *
 * <p>Only a subset of syntax gets a fast path, the one where the two engines agree (checked for all generated
 * patterns and strings by {@code BoundedBacktrackingPropertiesTest}): literals, {@code .}, classes of literals,
 * ranges and {@code \d \w \s}, groups {@code (...)} and {@code (?:...)}, {@code |}, greedy and lazy quantifiers,
 * {@code ^} and {@code $}. Elsewhere the syntaxes differ ({@code \b}, {@code \p}, flags, nested classes, a
 * {@code {} that RE2 reads as a literal), so such patterns always go to RE2J. Translated: {@code $} to
 * {@code \z} (the JDK's {@code $} also matches before a final line break), {@code \s} to RE2's ASCII whitespace
 * (the JDK's includes vertical tab), and {@code .} under {@code UNIX_LINES} (RE2's dot only excludes
 * {@code \n}).
 */
final class BoundedBacktracking {

  /** Longer strings go straight to RE2J: the JDK matcher recurses per repetition of a group. */
  static final int MAX_LENGTH = 1_000;

  /** What one attempt found. */
  enum Outcome { MATCH, NO_MATCH, GAVE_UP }

  private final java.util.regex.Pattern pattern;

  private BoundedBacktracking(java.util.regex.Pattern pattern) {
    this.pattern = pattern;
  }

  /**
   * @param ecmaRegex a pattern RE2J already compiled
   * @return the fast path, or null when the pattern is outside the subset both engines read alike
   */
  static BoundedBacktracking of(String ecmaRegex) {
    if (ecmaRegex.length() > MAX_PATTERN_LENGTH) {
      return null;
    }
    String jdk = translate(ecmaRegex);
    if (jdk == null) {
      return null;
    }
    try {
      return new BoundedBacktracking(java.util.regex.Pattern.compile(jdk, java.util.regex.Pattern.UNIX_LINES));
    } catch (java.util.regex.PatternSyntaxException | StackOverflowError e) {
      // The JDK's pattern compiler recurses per group; RE2J, which already compiled it, stays the only engine.
      return null;
    }
  }

  /** Longer patterns stay with RE2J: the JDK's pattern compiler recurses per group. */
  static final int MAX_PATTERN_LENGTH = 512;

  /** Reads a match of a string may take: a few per character, which no backtracking blow-up stays under. */
  static int readsAllowed(int length) {
    return 8 * length + 64;
  }

  /** Looks for a match anywhere in {@code value} (JSON Schema's unanchored {@code pattern}). */
  Outcome find(String value) {
    if (value.length() > MAX_LENGTH) {
      return Outcome.GAVE_UP;
    }
    try {
      return pattern.matcher(new MeteredText(value, readsAllowed(value.length()), MeteredText.NO_DEADLINE)).find()
          ? Outcome.MATCH : Outcome.NO_MATCH;
    } catch (MeteredText.Exhausted | StackOverflowError e) {
      // Both mean "too much backtracking for a fast answer", never a verdict: RE2J gives that.
      return Outcome.GAVE_UP;
    }
  }

  private static final String RE2_SPACE = "\\t\\n\\f\\r ";

  /** @return the JDK spelling of {@code re}, or null when it is outside the shared subset */
  static String translate(String re) {
    StringBuilder out = new StringBuilder(re.length() + 16);
    boolean atomBefore = false; // a quantifier needs something to repeat
    boolean quantifierBefore = false;
    int i = 0;
    while (i < re.length()) {
      char c = re.charAt(i);
      switch (c) {
        case '\\', '[' -> {
          int end = c == '[' ? characterClass(re, i, out) : escape(re, i, out, false);
          if (end < 0) {
            return null;
          }
          i = end;
          atomBefore = true;
          quantifierBefore = false;
          continue;
        }
        case '(' -> {
          if (re.startsWith("(?:", i)) {
            out.append("(?:");
            i += 3;
          } else if (i + 1 < re.length() && re.charAt(i + 1) == '?') {
            return null; // flags, lookaround, named groups: spelled differently or refused by RE2
          } else {
            out.append('(');
            i++;
          }
          atomBefore = false;
          quantifierBefore = false;
          continue;
        }
        case ')', '|', '^', '$', '.' -> {
          out.append(c == '$' ? "\\z" : String.valueOf(c)); // the JDK's $ also matches before a final \n
          atomBefore = c == ')' || c == '.'; // what a quantifier may follow
          quantifierBefore = false;
        }
        case '*', '+', '?' -> {
          if (quantifierBefore) {
            if (c != '?') {
              return null; // the JDK's possessive quantifiers; RE2 refuses them
            }
            out.append('?'); // lazy: the same set of matches, so the same yes or no
            quantifierBefore = false;
            atomBefore = false;
          } else if (atomBefore) {
            out.append(c);
            quantifierBefore = true;
          } else {
            return null;
          }
        }
        case '{' -> {
          int close = re.indexOf('}', i);
          if (close < 0 || !atomBefore || quantifierBefore
              || !re.substring(i + 1, close).matches("\\d{1,4}(,\\d{0,4})?")) {
            return null; // RE2 reads a malformed repetition as literal text, the JDK refuses it
          }
          out.append(re, i, close + 1);
          i = close + 1;
          quantifierBefore = true;
          continue;
        }
        case '}', ']' -> {
          return null;
        }
        default -> {
          if (Character.isSurrogate(c) || c == '#' || Character.isWhitespace(c) && c != ' ') {
            return null;
          }
          out.append(c);
          atomBefore = true;
          quantifierBefore = false;
        }
      }
      i++;
    }
    return out.toString();
  }

  /** Copies the class starting at {@code start}; @return the index after it, or -1 outside the subset */
  private static int characterClass(String re, int start, StringBuilder out) {
    int i = start + 1;
    out.append('[');
    if (i < re.length() && re.charAt(i) == '^') {
      out.append('^');
      i++;
    }
    boolean empty = true;
    while (i < re.length()) {
      char c = re.charAt(i);
      if (c == ']') {
        if (empty) {
          return -1; // "[]..." and "[^]...": the engines disagree on what the first ']' is
        }
        out.append(']');
        return i + 1;
      }
      if (c == '[' || c == '&' || Character.isSurrogate(c)) {
        return -1; // the JDK's nested classes and intersections
      }
      if (c == '\\') {
        int end = escape(re, i, out, true);
        if (end < 0) {
          return -1;
        }
        i = end;
      } else {
        out.append(c);
        i++;
      }
      empty = false;
    }
    return -1;
  }

  /** Copies the escape at {@code start}; @return the index after it, or -1 outside the subset */
  private static int escape(String re, int start, StringBuilder out, boolean inClass) {
    if (start + 1 >= re.length()) {
      return -1;
    }
    char e = re.charAt(start + 1);
    switch (e) {
      case 'd', 'w', 'n', 't', 'r', 'f' -> out.append('\\').append(e);
      case 'D', 'W' -> {
        if (inClass) {
          return -1;
        }
        out.append('\\').append(e);
      }
      case 's' -> out.append(inClass ? RE2_SPACE : "[" + RE2_SPACE + "]");
      case 'S' -> {
        if (inClass) {
          return -1;
        }
        out.append("[^" + RE2_SPACE + "]");
      }
      case 'u' -> {
        if (start + 6 > re.length() || !isHex(re, start + 2, start + 6)) {
          return -1;
        }
        int code = Integer.parseInt(re.substring(start + 2, start + 6), 16);
        if (Character.isSurrogate((char) code)) {
          return -1;
        }
        out.append("\\x{").append(re, start + 2, start + 6).append('}');
        return start + 6;
      }
      default -> {
        if ("\\.^$|?*+()[]{}/-".indexOf(e) < 0) {
          return -1; // \b, \B, \p, \x, \0, back-references...: not both engines' meaning
        }
        out.append('\\').append(e);
      }
    }
    return start + 2;
  }

  private static boolean isHex(String s, int from, int to) {
    for (int k = from; k < to; k++) {
      if (Character.digit(s.charAt(k), 16) < 0) {
        return false;
      }
    }
    return true;
  }
}
