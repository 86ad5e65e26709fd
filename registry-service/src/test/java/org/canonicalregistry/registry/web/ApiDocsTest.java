package org.canonicalregistry.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The registry serves its own contract (the spec file, unchanged) and a Swagger UI page over it. */
@H2RegistryTest
class ApiDocsTest {

    /** The contract's source of truth, relative to this module (Maven runs tests from the module directory). */
    private static final Path SPEC_FILE = Path.of("..", "registry-client", "src", "main", "openapi", "registry-api.yaml");

    @LocalServerPort
    int port;

    HttpProbe http;

    @BeforeEach
    void connect() {
        http = new HttpProbe(port);
    }

    @Test
    void servedSpecIsTheSpecFileByteForByte() throws IOException {
        var reply = http.get("/api/v1/openapi.yaml");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/yaml");
        assertThat(reply.bytes()).isEqualTo(Files.readAllBytes(SPEC_FILE));
    }

    @Test
    void docsPageLoadsSwaggerUiFromTheWebjarPointedAtTheServedSpec() {
        var page = http.get(ApiDocsController.DOCS_PATH);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.text()).contains("url: \"/api/v1/openapi.yaml\"");

        String bundle = "/webjars/swagger-ui/" + ApiDocsController.swaggerUiVersion() + "/swagger-ui-bundle.js";
        assertThat(page.text()).contains(bundle);
        var script = http.get(bundle);
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.bytes().length).isGreaterThan(100_000);
    }
}
