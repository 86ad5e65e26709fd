package org.canonicalregistry.registry.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    /** The example of docs/audit-and-webhooks.md, computed there with Python's hmac module. */
    @Test
    void signsTimestampDotBodyAsTheDocumentedExample() {
        assertThat(WebhookSignature.sign("correct-horse-battery-staple", 1795330800L,
                "{\"specversion\":\"1.0\"}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=e86c47637063da2826aed77b76fb1acfe414391ef0ee67b79877f9b2fce3ad45");
    }

    @Test
    void theReceiversCheckAcceptsItAndRejectsAnyChange() {
        String body = "{\"id\":\"1\"}";
        String signature = WebhookSignature.sign("a-secret-of-16-chars", 1700000000L, body.getBytes(StandardCharsets.UTF_8));

        assertThat(WebhookReceiver.verifies("a-secret-of-16-chars", "1700000000", body, signature)).isTrue();
        assertThat(WebhookReceiver.verifies("a-secret-of-16-chars", "1700000001", body, signature)).isFalse();
        assertThat(WebhookReceiver.verifies("a-secret-of-16-chars", "1700000000", body + " ", signature)).isFalse();
        assertThat(WebhookReceiver.verifies("another-secret-16-chars", "1700000000", body, signature)).isFalse();
    }
}
