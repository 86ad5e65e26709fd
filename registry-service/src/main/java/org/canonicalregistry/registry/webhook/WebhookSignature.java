package org.canonicalregistry.registry.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a delivery carries in {@value #SIGNATURE_HEADER}: {@code sha256=} followed by the lower-case hex
 * HMAC-SHA256, keyed with the subscription's secret (UTF-8), of the UTF-8 text {@code <timestamp>.<body>}, where
 * {@code timestamp} is the {@value #TIMESTAMP_HEADER} header (Unix seconds) and {@code body} the exact request body.
 * A receiver recomputes it, compares in constant time, and rejects timestamps too far from its clock (replays).
 */
final class WebhookSignature {

    static final String DELIVERY_HEADER = "Canonical-Registry-Delivery";
    static final String TIMESTAMP_HEADER = "Canonical-Registry-Timestamp";
    static final String SIGNATURE_HEADER = "Canonical-Registry-Signature";

    private WebhookSignature() {
    }

    static String sign(String secret, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}
