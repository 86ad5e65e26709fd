package org.canonicalregistry.registry.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * A console session's lifetime, and where sign-in may send the browser afterwards. (Revocation, and everything that
 * needs the store, is covered over HTTP by {@code ConsoleSecurityIT}.)
 */
class ConsoleSessionTest {

    static final Instant NOW = Instant.parse("2026-12-05T09:00:00Z");
    static final Principal OLIVIA = new Principal("olivia", "Olivia", null, EnumSet.of(Role.OWNER));

    @Test
    void aSessionEndsAfterItsLifetimeOrAtTheCredentialsExpiryWhicheverComesFirst() {
        ConsoleSession day = ConsoleSession.of(
                new RegistryAuthentication(OLIVIA, "token", "tok1", null), NOW, Duration.ofHours(8));
        ConsoleSession shortToken = ConsoleSession.of(
                new RegistryAuthentication(OLIVIA, "token", "tok1", NOW.plusSeconds(600)), NOW, Duration.ofHours(8));

        assertThat(day.notAfter()).isEqualTo(NOW.plus(Duration.ofHours(8)));
        assertThat(day.signedInAs()).as("a token session re-reads its principal").isNull();
        assertThat(shortToken.notAfter()).isEqualTo(NOW.plusSeconds(600));
    }

    @Test
    void anOidcSessionStandsUntilItsEndAndNotOneInstantLonger() {
        ConsoleSession jwt = ConsoleSession.of(
                new RegistryAuthentication(OLIVIA, "jwt", null, NOW.plusSeconds(3600)), NOW, Duration.ofHours(8));
        ConsoleSessions sessions = new ConsoleSessions(null, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(sessions.validate(jwt, NOW.plusSeconds(3599)))
                .isInstanceOfSatisfying(ConsoleSessions.Validity.Current.class,
                        c -> assertThat(c.authentication().getName()).isEqualTo("olivia"));
        assertThat(sessions.validate(jwt, NOW.plusSeconds(3600)))
                .isInstanceOfSatisfying(ConsoleSessions.Validity.Ended.class,
                        e -> assertThat(e.reason()).contains("reached its end"));
    }

    @Property
    void signInOnlyEverRedirectsToAPathOnThisRegistry(@ForAll String target) {
        String safe = ConsoleSignIn.safeTarget(target);

        assertThat(safe).startsWith("/").doesNotStartWith("//").doesNotContain("\\");
        assertThat(safe.chars().noneMatch(c -> c < 0x20 || c == 0x7f)).isTrue();
        assertThat(safe).isIn("/", target);
    }

    @Test
    void ordinaryPagesAreKeptAndEverythingElseGoesToTheInbox() {
        assertThat(ConsoleSignIn.safeTarget("/proposals/7?tab=diff")).isEqualTo("/proposals/7?tab=diff");
        assertThat(ConsoleSignIn.safeTarget("//evil.example")).isEqualTo("/");
        assertThat(ConsoleSignIn.safeTarget("https://evil.example/")).isEqualTo("/");
        assertThat(ConsoleSignIn.safeTarget("/\\evil.example")).isEqualTo("/");
        assertThat(ConsoleSignIn.safeTarget(null)).isEqualTo("/");
    }
}
