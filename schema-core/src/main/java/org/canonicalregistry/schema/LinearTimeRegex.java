package org.canonicalregistry.schema;

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
 */
final class LinearTimeRegex implements RegularExpressionFactory {

  static final LinearTimeRegex INSTANCE = new LinearTimeRegex();

  private LinearTimeRegex() {
  }

  @Override
  public RegularExpression getRegularExpression(String regex) {
    Pattern pattern = compile(regex);
    return value -> pattern.matcher(value).find();
  }

  /**
   * @throws PatternSyntaxException when RE2J cannot compile the (translated) pattern
   */
  static Pattern compile(String ecmaRegex) {
    return Pattern.compile(translate(ecmaRegex));
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
