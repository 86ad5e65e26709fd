package org.canonicalregistry.schema;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.format.EmailFormat;
import com.networknt.schema.format.Format;

/**
 * {@code format: email} as JSON Schema 2020-12 defines it (Validation, section 7.3.2): RFC 5321's {@code Mailbox}
 * rule (section 4.1.2), within RFC 5321's size limits (section 4.5.3.1: local part 64 octets, domain 255, so a
 * mailbox inside a 256-octet path of at most 254), and domain labels of at most 63 characters (RFC 1035).
 *
 * <p>One left-to-right scan, no regular expression and no lookup table: networknt's own check (a port of Apache
 * Commons Validator) also requires a top-level domain from IANA's list and costs a quarter of validating a whole
 * canonical customer. The grammar, not a list of today's top-level domains, is what the specification asks for.
 * Address literals are {@code [IPv4]} and {@code [IPv6:...]}; RFC 5321's General-address-literal needs a tag
 * registered with IANA, and none other than IPv6 is, so it is refused. Thread-safe and stateless.
 */
final class MailboxFormat implements Format {

  static final MailboxFormat INSTANCE = new MailboxFormat();

  private static final int MAX_MAILBOX = 254;
  private static final int MAX_LOCAL_PART = 64;
  private static final int MAX_DOMAIN = 255;
  private static final int MAX_LABEL = 63;

  /** Keep networknt's message, so a refusal reads the same as before. */
  private final String messageKey = new EmailFormat().getMessageKey();

  private MailboxFormat() {
  }

  @Override
  public String getName() {
    return "email";
  }

  @Override
  public String getMessageKey() {
    return messageKey;
  }

  @Override
  public boolean matches(ExecutionContext executionContext, String value) {
    return isMailbox(value);
  }

  /** @return whether {@code s} is an RFC 5321 {@code Mailbox} within its size limits */
  static boolean isMailbox(String s) {
    if (s.length() > MAX_MAILBOX) {
      return false;
    }
    int at = localPartEnd(s);
    if (at < 1 || at > MAX_LOCAL_PART || at >= s.length() || s.charAt(at) != '@') {
      return false;
    }
    int domain = at + 1;
    if (domain < s.length() && s.charAt(domain) == '[') {
      return isAddressLiteral(s, domain);
    }
    return s.length() - domain <= MAX_DOMAIN && isDomain(s, domain);
  }

  /** @return the index just past the local part starting at 0 (a Dot-string or a Quoted-string), or -1 */
  private static int localPartEnd(String s) {
    if (!s.isEmpty() && s.charAt(0) == '"') {
      int i = 1;
      while (i < s.length()) {
        char c = s.charAt(i);
        if (c == '"') {
          return i + 1;
        }
        if (c == '\\') {
          // quoted-pairSMTP = "\" %d32-126
          if (i + 1 >= s.length() || s.charAt(i + 1) < 32 || s.charAt(i + 1) > 126) {
            return -1;
          }
          i += 2;
        } else if (c >= 32 && c <= 126) {
          i++; // qtextSMTP: printable ASCII except '"' and '\', both handled above
        } else {
          return -1;
        }
      }
      return -1;
    }
    // Dot-string = Atom *("." Atom), Atom = 1*atext
    int i = 0;
    boolean atomStarted = false;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (isAtext(c)) {
        atomStarted = true;
      } else if (c == '.' && atomStarted) {
        atomStarted = false;
      } else {
        break;
      }
      i++;
    }
    return atomStarted ? i : -1;
  }

  /** RFC 5322 atext: letters, digits and {@code !#$%&'*+-/=?^_`{|}~}. */
  private static boolean isAtext(char c) {
    return isLetterOrDigit(c) || "!#$%&'*+-/=?^_`{|}~".indexOf(c) >= 0;
  }

  /** ASCII only: RFC 5321 has no other letters (internationalised addresses are idn-email). */
  private static boolean isLetterOrDigit(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }

  /** Domain = sub-domain *("." sub-domain); sub-domain = Let-dig [Ldh-str] (letters, digits, inner hyphens). */
  private static boolean isDomain(String s, int from) {
    int labelStart = from;
    for (int i = from; i <= s.length(); i++) {
      if (i == s.length() || s.charAt(i) == '.') {
        int length = i - labelStart;
        if (length == 0 || length > MAX_LABEL || s.charAt(labelStart) == '-' || s.charAt(i - 1) == '-') {
          return false;
        }
        labelStart = i + 1;
        continue;
      }
      char c = s.charAt(i);
      if (!isLetterOrDigit(c) && c != '-') {
        return false;
      }
    }
    return true;
  }

  /** address-literal = "[" ( IPv4-address-literal / "IPv6:" IPv6-addr ) "]", the whole rest of {@code s}. */
  private static boolean isAddressLiteral(String s, int open) {
    if (s.charAt(s.length() - 1) != ']' || s.length() - open < 3) {
      return false;
    }
    String inside = s.substring(open + 1, s.length() - 1);
    if (inside.startsWith("IPv6:")) {
      return isIpv6(inside.substring(5));
    }
    return isIpv4(inside);
  }

  /** Snum 3("." Snum), Snum = 1*3DIGIT with a value of 0 to 255. */
  static boolean isIpv4(String s) {
    int parts = 0;
    int i = 0;
    while (parts < 4) {
      int start = i;
      int value = 0;
      while (i < s.length() && i - start < 3 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        value = value * 10 + (s.charAt(i) - '0');
        i++;
      }
      if (i == start || value > 255) {
        return false;
      }
      parts++;
      if (parts < 4) {
        if (i >= s.length() || s.charAt(i) != '.') {
          return false;
        }
        i++;
      }
    }
    return i == s.length();
  }

  /**
   * RFC 5321's IPv6-addr: IPv6-full (8 groups), IPv6-comp (fewer, one {@code ::}), and both with the last two
   * groups written as an IPv4 address. A group is 1 to 4 hexadecimal digits.
   */
  static boolean isIpv6(String s) {
    int groups = 0;
    boolean compressed = false;
    int i = 0;
    if (s.startsWith("::")) {
      compressed = true;
      i = 2;
      if (i == s.length()) {
        return true;
      }
    }
    while (i < s.length()) {
      int start = i;
      while (i < s.length() && i - start < 5 && Character.digit(s.charAt(i), 16) >= 0) {
        i++;
      }
      if (i < s.length() && s.charAt(i) == '.') {
        // The rest is an IPv4 address standing for the last two groups.
        return isIpv4(s.substring(start)) && (compressed ? groups <= 4 : groups == 6);
      }
      if (i == start || i - start > 4) {
        return false;
      }
      groups++;
      if (i == s.length()) {
        break;
      }
      if (s.charAt(i) != ':') {
        return false;
      }
      i++;
      if (i < s.length() && s.charAt(i) == ':') {
        if (compressed) {
          return false;
        }
        compressed = true;
        i++;
        if (i == s.length()) {
          break;
        }
      } else if (i == s.length()) {
        return false; // a single trailing ':'
      }
    }
    return compressed ? groups <= 6 : groups == 8;
  }
}
