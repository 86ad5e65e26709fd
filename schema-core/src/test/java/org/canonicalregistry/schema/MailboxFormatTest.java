package org.canonicalregistry.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import tools.jackson.databind.node.JsonNodeFactory;

/** {@code format: email} is RFC 5321's Mailbox (JSON Schema 2020-12 Validation, 7.3.2), within its size limits. */
class MailboxFormatTest {

  private final CompiledSchema email = SchemaEngine.withDefaults()
      .load("{\"type\":\"string\",\"format\":\"email\"}").compiled();

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ada@example.com", "accounts@brightwater-analytics.co.uk", "a@b", "te~st@example.com",
      "~test@example.com", "test~@example.com", "te.s.t@example.com", "o'reilly+tag@x-y.example",
      "\"joe bloggs\"@example.com", "\"joe..bloggs\"@example.com", "\"a\\\"b\"@example.com",
      "joe.bloggs@[127.0.0.1]", "joe.bloggs@[IPv6:::1]", "x@[IPv6:2001:db8::ff00:42:8329]",
      "x@[IPv6:1:2:3:4:5:6:7:8]", "x@[IPv6:::ffff:192.0.2.1]", "x@[IPv6:1:2:3:4:5:6:192.0.2.1]", "x@[001.2.3.4]",
      "1@123.456"})
  void mailboxesPass(String value) {
    assertThat(MailboxFormat.isMailbox(value)).isTrue();
    assertThat(email.isValid(JsonNodeFactory.instance.stringNode(value))).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"", "2962", "@example.com", "ada@", ".test@example.com", "test.@example.com",
      "te..st@example.com", "joe.bloggs@invalid=domain.com", "a@-example.com", "a@example-.com", "a@example..com",
      "a@example.com.", "a b@example.com", "a@b@c", "\"Joe Bloggs\" <joe@example.com>", "\"unterminated@x",
      "joe.bloggs@[127.0.0.300]", "joe.bloggs@[127.0.0.1", "x@[1.2.3]", "x@[1.2.3.4.5]", "x@[IPv6:::12345]",
      "x@[IPv6:1:2:3:4:5:6:7]", "x@[IPv6:1::2::3]", "x@[IPv6:1:2:3:4:5:6:7:8:9]", "x@[IPv6:1:2:3:4:5::6:7]",
      "x@[IPv6:1:2:3:4:5:192.0.2.1]", "x@[tag:content]", "x@[]", "jos\u00e9@example.com", "a@exa\u00e9mple.com",
      "\"a\u0001\"@x", "a\n@example.com"})
  void nonMailboxesAreRefused(String value) {
    assertThat(MailboxFormat.isMailbox(value)).isFalse();
    assertThat(email.isValid(JsonNodeFactory.instance.stringNode(value))).isFalse();
  }

  @ParameterizedTest(name = "length {0}")
  @ValueSource(ints = {64, 65})
  void theLocalPartHoldsAtMost64Octets(int length) {
    assertThat(MailboxFormat.isMailbox("a".repeat(length) + "@example.com")).isEqualTo(length <= 64);
  }

  @ParameterizedTest(name = "label {0}")
  @ValueSource(ints = {63, 64})
  void aLabelHoldsAtMost63Characters(int length) {
    assertThat(MailboxFormat.isMailbox("a@" + "b".repeat(length) + ".com")).isEqualTo(length <= 63);
  }

  @ParameterizedTest(name = "mailbox {0}")
  @ValueSource(ints = {254, 255})
  void aMailboxHoldsAtMost254Octets(int length) {
    String domain = ("b".repeat(62) + ".").repeat(3);
    String local = "a".repeat(length - 1 - domain.length() - 3);
    String mailbox = local + "@" + domain + "com";
    assertThat(mailbox).hasSize(length);
    assertThat(MailboxFormat.isMailbox(mailbox)).isEqualTo(length <= 254);
  }

  // ---- against a transcription of the ABNF (without the IPv6 literal) --------------------------------

  private static final String ATEXT = "[A-Za-z0-9!#$%&'*+\\-/=?^_`{|}~]";
  private static final String SNUM = "(?:25[0-5]|2[0-4][0-9]|[01]?[0-9]?[0-9])";
  private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?";
  private static final Pattern ABNF = Pattern.compile(
      "(?<local>" + ATEXT + "+(?:\\." + ATEXT + "+)*|\"(?:[\\x20\\x21\\x23-\\x5B\\x5D-\\x7E]|\\\\[\\x20-\\x7E])*\")"
          + "@(?<domain>" + LABEL + "(?:\\." + LABEL + ")*|\\[" + SNUM + "(?:\\." + SNUM + "){3}\\])");

  private static boolean byTheAbnf(String s) {
    var m = ABNF.matcher(s);
    if (!m.matches() || s.length() > 254 || m.group("local").length() > 64 || m.group("domain").length() > 255) {
      return false;
    }
    for (String label : m.group("domain").split("\\.")) {
      if (label.length() > 63) {
        return false;
      }
    }
    return true;
  }

  @Property(tries = 5000)
  void theScanAgreesWithTheGrammar(@ForAll("addressLike") String value) {
    assertThat(MailboxFormat.isMailbox(value)).as(value).isEqualTo(byTheAbnf(value));
  }

  @Provide
  Arbitrary<String> addressLike() {
    Arbitrary<String> local = Arbitraries.strings().withChars("ab.!~\"\\ @\u00e9-".toCharArray()).ofMaxLength(8);
    Arbitrary<String> longLocal = Arbitraries.integers().between(60, 70).map("a"::repeat);
    Arbitrary<String> domain = Arbitraries.strings().withChars("ab1-.[]9".toCharArray()).ofMaxLength(12);
    Arbitrary<String> ipv4 = Arbitraries.integers().between(0, 400).list().ofMinSize(3).ofMaxSize(5)
        .map(l -> "[" + String.join(".", l.stream().map(String::valueOf).toList()) + "]");
    Arbitrary<String> longLabel = Arbitraries.integers().between(60, 66).map(n -> "c".repeat(n) + ".com");
    return Combinators.combine(Arbitraries.oneOf(local, longLocal), Arbitraries.of("@", "@", ""),
        Arbitraries.oneOf(domain, ipv4, longLabel)).as((l, at, d) -> l + at + d);
  }
}
