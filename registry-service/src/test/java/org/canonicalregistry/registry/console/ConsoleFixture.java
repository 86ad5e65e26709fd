package org.canonicalregistry.registry.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.canonicalregistry.registry.security.Role;
import org.canonicalregistry.registry.testing.TestPrincipals;
import org.canonicalregistry.registry.web.HttpProbe;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The console tests' starting point, made through the REST API on a registry that imported the sample models:
 * developer {@code dora} proposes two changes to {@code customer} 1.0, which is owned by the sample owner
 * {@code sam.sales}:
 * <ul>
 *   <li>{@link #compatible}: an optional {@code loyaltyTier} whose description is an XSS payload (becomes 1.1);</li>
 *   <li>{@link #breaking}: a required {@code vatId} (becomes 2.0, with witnesses and flow impact).</li>
 * </ul>
 */
final class ConsoleFixture {

    static final String XSS = "<script>document.title='pwned'</script><img src=x onerror=alert(1)>";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final HttpProbe admin;
    final String samToken;
    final String samTokenId;
    final String doraToken;
    final long compatible;
    final long breaking;

    ConsoleFixture(int port) {
        admin = HttpProbe.asAdmin(port);
        TestPrincipals principals = new TestPrincipals(port);
        doraToken = principals.tokenFor("dora", Role.DEVELOPER);
        JsonNode issued = principals.issue("sam.sales", "{\"label\":\"console test\"}").json();
        samToken = issued.path("token").asString();
        samTokenId = issued.path("id").asString();

        ObjectNode base = (ObjectNode) admin.get("/api/v1/entities/customer/versions/1.0/schema").json();
        ObjectNode optional = base.deepCopy();
        ((ObjectNode) optional.path("properties")).set("loyaltyTier", JSON.readTree(
                "{\"type\":\"string\",\"enum\":[\"GOLD\",\"SILVER\"],\"x-classification\":\"INTERNAL\"}"));
        ((ObjectNode) optional.path("properties").path("loyaltyTier")).put("description", XSS);
        compatible = propose(port, optional, "add loyaltyTier " + XSS);

        ObjectNode required = base.deepCopy();
        ((ObjectNode) required.path("properties")).set("vatId", JSON.readTree(
                "{\"type\":\"string\",\"description\":\"VAT identification number.\",\"maxLength\":20}"));
        required.withArray("required").add("vatId");
        breaking = propose(port, required, "require vatId");
    }

    private long propose(int port, JsonNode schema, String summary) {
        ObjectNode body = JSON.createObjectNode();
        body.set("schema", schema);
        body.put("summary", summary);
        body.put("reason", "console test");
        HttpProbe.Reply opened = new HttpProbe(port).withBearer(doraToken)
                .postJson("/api/v1/entities/customer/proposals", body.toString());
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.json().path("id").asLong();
    }

    /**
     * Has an adapter report {@code count} hourly runs of {@code flowId}, the latest ending a minute ago: every fifth
     * one FAILED, every third PARTIAL, so the run chart shows all three.
     */
    void reportRuns(int port, String flowId, int count) {
        HttpProbe adapter = new HttpProbe(port).withBearer(
                new TestPrincipals(port).tokenFor("crm-adapter-" + flowId.hashCode(), Role.ADAPTER));
        java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        for (int i = count - 1; i >= 0; i--) {
            java.time.Instant end = now.minusSeconds(60 + 3600L * i);
            String status = i % 5 == 4 ? "FAILED" : i % 3 == 2 ? "PARTIAL" : "SUCCEEDED";
            long received = 800 + 97L * ((i * 7) % 11);
            long rejected = "PARTIAL".equals(status) ? 12 : 0;
            long accepted = "FAILED".equals(status) ? 0 : received - rejected;
            HttpProbe.Reply reply = adapter.postJson("/api/v1/flows/" + flowId + "/runs", """
                    {"runId":"run-%d","startedAt":"%s","endedAt":"%s","status":"%s","counts":{"received":%d,
                     "accepted":%d,"rejected":%d,"deadLettered":%d,"replayed":0},"schemaVersions":["customer@1.0"]}"""
                    .formatted(i, end.minusSeconds(300), end, status, received, accepted, rejected,
                            "FAILED".equals(status) ? received : rejected));
            assertThat(reply.status()).as(reply.toString()).isIn(200, 201);
        }
    }

    /** The proposal as the API reports it. */
    JsonNode proposal(long id) {
        return admin.get("/api/v1/proposals/" + id).json();
    }
}
