package org.canonicalregistry.registry.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.canonicalregistry.registry.testing.FreshPostgresSchema;
import org.canonicalregistry.registry.web.HttpProbe;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A check that outlives {@code registry.compatibility.check-timeout} is answered as a problem once the budget is spent. */
@FreshPostgresSchema
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "registry.compatibility.check-timeout=250ms")
class CompatibilityBudgetIT {

    @LocalServerPort
    int port;

    @Test
    void anExpensiveStatelessCheckIsRefusedWhenTheBudgetIsSpent() {
        // 300 fields that each change kind, enum and bounds, against three earlier schemas in FULL mode: ~9,000 changes
        // with witness searches, about a second of work on a 2-core machine (four times the budget), in a request of
        // about 80 KB.
        String old = wide("\"type\":\"string\",\"maxLength\":20,\"enum\":[\"a\",\"b\",\"c\"]");
        String candidate = wide("\"type\":\"integer\",\"maximum\":3,\"enum\":[1,2,3]");
        HttpProbe http = HttpProbe.asAdmin(port);
        // Warm up (dispatcher, meta-schemas): what is measured below is the budget, not the first request's start-up.
        assertThat(http.postJson("/api/v1/compatibility/check", "{\"old\":{},\"candidate\":{}}").status()).isEqualTo(200);

        var reply = http.postJson("/api/v1/compatibility/check", """
                {"previous":[%s,%s,%s],"candidate":%s,"mode":"FULL_TRANSITIVE"}""".formatted(old, old, old, candidate));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.problemType()).isEqualTo("schema-rejected");
        assertThat(reply.json().path("reason").asString()).isEqualTo("CHECK_TIMED_OUT");
        assertThat(reply.json().path("timeoutMillis").asLong()).isEqualTo(250);
        assertThat(reply.took()).isLessThan(Duration.ofMillis(2000));
    }

    private static String wide(String field) {
        StringBuilder s = new StringBuilder("{\"type\":\"object\",\"properties\":{");
        for (int i = 0; i < 300; i++) {
            s.append(i == 0 ? "" : ",").append("\"p").append(i).append("\":{").append(field).append('}');
        }
        return s.append("}}").toString();
    }
}
