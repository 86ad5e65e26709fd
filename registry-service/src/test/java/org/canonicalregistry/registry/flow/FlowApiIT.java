package org.canonicalregistry.registry.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.canonicalregistry.registry.entity.EntityService;
import org.canonicalregistry.registry.security.Role;
import org.canonicalregistry.registry.testing.FreshPostgresSchema;
import org.canonicalregistry.registry.testing.TestPrincipals;
import org.canonicalregistry.registry.web.HttpProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The flows API over real HTTP on a random port, against the imported sample landscape: open reads (map as JSON,
 * Mermaid and SVG; export; impact; health; AsyncAPI), dry-run imports, and the problems every refusal answers with.
 * Writes carry bearer tokens (testing/TestPrincipals); anonymous writes are 401. The full role x endpoint table is
 * in security/AuthorizationMatrixIT.
 */
@FreshPostgresSchema
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FlowApiIT {

    @LocalServerPort
    int port;

    @Autowired
    OwnershipImport imports;

    @Autowired
    EntityService entities;

    @Autowired
    JsonMapper json;

    HttpProbe http;

    @BeforeEach
    void sampleLandscape() {
        http = new HttpProbe(port);
        if (entities.count() == 0) {
            Samples.entities(entities);
            imports.importFiles(Samples.ADMIN, Samples.files(), true);
        }
    }

    @Test
    void theMapIsJsonWithMermaidAndAnSvgTheBrowserShows() throws Exception {
        HttpProbe.Reply map = http.get("/api/v1/map");
        assertThat(map.status()).as(map.toString()).isEqualTo(200);
        JsonNode body = map.json();
        // 12 sample systems around the hub (13 once another test has registered the planned system pim).
        int n = body.get("systems").asInt();
        assertThat(n).isIn(12, 13);
        assertThat(body.get("pointToPoint").asLong()).isEqualTo((long) n * (n - 1) / 2);
        assertThat(body.get("hubConnections").asInt()).isEqualTo(11);
        assertThat(body.get("edges")).hasSize(30);
        assertThat(body.get("edges").get(0).get("health").asString()).isEqualTo("NEVER_RAN");
        assertThat(body.get("mermaid").asString()).startsWith("flowchart LR");

        HttpProbe.Reply svg = http.get("/api/v1/map/svg?entity=customer");
        assertThat(svg.status()).isEqualTo(200);
        assertThat(svg.contentType()).startsWith("image/svg+xml");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        assertThat(factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.bytes())).getDocumentElement()
                .getTagName()).isEqualTo("svg");

        HttpProbe.Reply mermaid = http.get("/api/v1/map/mermaid?system=wms");
        assertThat(mermaid.contentType()).startsWith("text/plain");
        assertThat(mermaid.text()).contains("n_wms");
    }

    @Test
    void exportRoundTripsThroughADryRunImportAsNoChange() {
        HttpProbe.Reply export = http.get("/api/v1/export");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.json().get("files")).extracting(f -> f.get("path").asString())
                .containsExactly("ownership/systems.yaml", "ownership/systems-of-record.yaml", "ownership/flows.yaml");

        HttpProbe.Reply dryRun = http.postJson("/api/v1/import", export.text());
        assertThat(dryRun.status()).as(dryRun.toString()).isEqualTo(200);
        assertThat(dryRun.json().get("applied").asBoolean()).isFalse();
        assertThat(dryRun.json().get("changes")).isEmpty();
        int stored = http.get("/api/v1/systems").json().size() + http.get("/api/v1/systems-of-record").json().size()
                + http.get("/api/v1/flows").json().size();
        assertThat(dryRun.json().get("unchanged").asInt()).isEqualTo(stored);
    }

    @Test
    void aBrokenImportIs422WithEveryProblemsFileAndLine() {
        ObjectNode body = json.createObjectNode();
        ArrayNode files = body.putArray("files");
        files.addObject().put("path", "ownership/flows.yaml").put("content", """
                flows:
                  - id: Bad Id
                    source: nowhere
                """);
        HttpProbe.Reply reply = http.postJson("/api/v1/import", body.toString());

        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.problemType()).isEqualTo("import-failed");
        List<String> where = reply.json().get("errors").valueStream()
                .map(e -> e.get("file").asString() + ":" + e.get("line").asInt() + " " + e.get("pointer").asString())
                .toList();
        assertThat(where).contains("ownership/flows.yaml:2 /files/0", "ownership/flows.yaml:3 /files/0");
    }

    @Test
    void writesWithoutCredentialsAre401() {
        assertThat(http.postJson("/api/v1/import?apply=true", "{\"files\":[]}").problemType()).isEqualTo("unauthorized");
        assertThat(http.postJson("/api/v1/flows/crm-to-erp-customer/runs", """
                {"runId":"r1","startedAt":"2026-11-22T01:00:00Z","endedAt":"2026-11-22T01:01:00Z","status":"SUCCEEDED",
                 "counts":{"received":1,"accepted":1,"rejected":0,"deadLettered":0,"replayed":0},
                 "schemaVersions":["customer@1.0"]}""").status()).isEqualTo(401);
        assertThat(http.postJson("/api/v1/systems", """
                {"code":"x","name":"x","kind":"SAAS","ownerTeam":"t","description":"","lifecycle":"ACTIVE"}""")
                .status()).isEqualTo(401);
    }

    @Test
    void anAdapterReportsRunsIdempotentlyAndTheFlowsHealthShowsThem() {
        TestPrincipals principals = new TestPrincipals(port);
        HttpProbe adapter = http.withBearer(principals.tokenFor("hub-adapter", Role.ADAPTER));
        HttpProbe developer = http.withBearer(principals.tokenFor("devon", Role.DEVELOPER));
        String run = """
                {"runId":"6f1c2a9e-1b7d-4c1e-9f3a-0d5b8e2c7a41","startedAt":"2026-11-22T01:00:00Z",
                 "endedAt":"2026-11-22T01:00:42Z","status":"PARTIAL",
                 "counts":{"received":120,"accepted":118,"rejected":2,"deadLettered":2,"replayed":0},
                 "schemaVersions":["customer@1.0"]}""";

        HttpProbe.Reply first = adapter.postJson("/api/v1/flows/crm-to-erp-customer/runs", run);
        HttpProbe.Reply retry = adapter.postJson("/api/v1/flows/crm-to-erp-customer/runs", run);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(first.json().get("reportedBy").asString()).isEqualTo("hub-adapter");
        assertThat(developer.postJson("/api/v1/flows/crm-to-erp-customer/runs", run).problemType()).isEqualTo("forbidden");
        assertThat(http.get("/api/v1/flows/crm-to-erp-customer/runs").json()).hasSize(1);
        JsonNode health = http.get("/api/v1/flows/crm-to-erp-customer/health").json();
        assertThat(health.get("lastRun").get("runId").asString()).isEqualTo("6f1c2a9e-1b7d-4c1e-9f3a-0d5b8e2c7a41");
        assertThat(health.get("lastSuccess").get("status").asString()).isEqualTo("PARTIAL");
        assertThat(http.get("/api/v1/flows/crm-to-erp-customer/health?window=P3650D").problemType())
                .isEqualTo("validation-failed");
    }

    @Test
    void anAdminRegistersASystemAndAConflictingDeclarationIs409() {
        HttpProbe admin = HttpProbe.asAdmin(port);
        HttpProbe.Reply created = admin.postJson("/api/v1/systems", """
                {"code":"pim","name":"Akeneo PIM","kind":"SAAS","ownerTeam":"product-management",
                 "description":"Product information","lifecycle":"PLANNED"}""");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/v1/systems/pim");

        HttpProbe.Reply conflict = admin.send("PUT", "/api/v1/systems-of-record",
                "{\"entity\":\"customer\",\"system\":\"pim\",\"role\":\"AUTHORITATIVE\"}");
        assertThat(conflict.status()).as(conflict.toString()).isEqualTo(409);
        assertThat(conflict.problemType()).isEqualTo("ownership-conflict");
        assertThat(conflict.json().get("conflicts").get(0).asString()).contains("'crm'");
    }

    @Test
    void readsAnswerWithTheirProblemsAndDocuments() {
        assertThat(http.get("/api/v1/flows/no-such-flow").problemType()).isEqualTo("flow-not-found");
        assertThat(http.get("/api/v1/systems/no-such-system").problemType()).isEqualTo("system-not-found");
        assertThat(http.get("/api/v1/impact?entity=no-such-entity").problemType()).isEqualTo("entity-not-found");
        assertThat(http.get("/api/v1/flows/health?window=forever").problemType()).isEqualTo("validation-failed");

        HttpProbe.Reply impact = http.get("/api/v1/impact?entity=customer");
        assertThat(impact.status()).isEqualTo(200);
        assertThat(impact.json().get("flows").size()).isGreaterThan(5);

        HttpProbe.Reply health = http.get("/api/v1/flows/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get(0).get("slaState").asString()).isEqualTo("NEVER_RAN");

        HttpProbe.Reply asyncApi = http.get("/api/v1/systems/billing/asyncapi");
        assertThat(asyncApi.status()).isEqualTo(200);
        assertThat(asyncApi.json().get("asyncapi").asString()).isEqualTo("3.0.0");
        assertThat(asyncApi.json().at("/operations/crm-to-billing-customer/action").asString()).isEqualTo("receive");

        assertThat(http.get("/api/v1/systems").json().size()).isIn(13, 14);
        assertThat(http.get("/api/v1/flows?entity=invoice&owner=dan.data").json()).hasSize(1);
        assertThat(http.get("/api/v1/systems-of-record?entity=customer").json()).hasSize(7);
    }
}
