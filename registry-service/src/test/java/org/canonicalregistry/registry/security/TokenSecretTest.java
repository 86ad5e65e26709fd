package org.canonicalregistry.registry.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The token format, its hash, and the bootstrap-token setting's shape check. */
class TokenSecretTest {

    @Test
    void generatedTokensHaveTheDocumentedShapeAndAreDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = TokenSecret.generate();
            assertThat(token).matches("crt_[A-Za-z0-9_-]{43}");
            assertThat(TokenSecret.wellFormed(token)).isTrue();
            assertThat(seen.add(token)).as("token %d is new", i).isTrue();
        }
    }

    @Test
    void theStoredHashIsTheHexSha256OfTheToken() {
        // printf crt_example | sha256sum
        assertThat(TokenSecret.hash("crt_example"))
                .isEqualTo("8fbd79570407475d3ca80bccb2f7712b9b75a4ffe0d46a1e815326e180509be6");
    }

    @Property
    void onlyPrefixedUrlSafeStringsOfTheRightLengthAreWellFormed(@ForAll @StringLength(max = 200) String candidate) {
        boolean expected = candidate.startsWith("crt_") && candidate.length() >= 36 && candidate.length() <= 132
                && candidate.substring(4).chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_'));
        assertThat(TokenSecret.wellFormed(candidate)).isEqualTo(expected);
    }

    @Test
    void aShortOrMisshapenBootstrapTokenStopsTheStartWithoutEchoingIt() {
        assertThatThrownBy(() -> new SecuritySettings(SecuritySettings.ReadAccess.OPEN, "crt_short-secret-value", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("registry.security.bootstrap-token")
                .hasMessageContaining("32 to 128")
                .hasMessageNotContaining("short-secret-value");
        assertThatThrownBy(() -> new SecuritySettings(SecuritySettings.ReadAccess.OPEN, "x".repeat(50), null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new SecuritySettings(SecuritySettings.ReadAccess.OPEN, "crt_" + "a".repeat(32), null, null).bootstrapToken())
                .isEqualTo("crt_" + "a".repeat(32));
        assertThat(new SecuritySettings(SecuritySettings.ReadAccess.OPEN, "", null, null).bootstrapToken()).isNull();
    }
}
