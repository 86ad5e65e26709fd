package org.canonicalregistry.registry.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Swagger UI page over the served contract ({@code /api/v1/openapi.yaml}). The UI comes from the
 * {@code org.webjars:swagger-ui} jar (served by Spring Boot under {@code /webjars/}); this page only points it at
 * our spec, so the spec file stays the single source of truth (no annotation scanning).
 */
@RestController
class ApiDocsController {

    static final String DOCS_PATH = "/api/v1/docs";
    private static final String WEBJAR_PROPERTIES = "META-INF/maven/org.webjars/swagger-ui/pom.properties";

    private final byte[] page;

    ApiDocsController() {
        String base = "/webjars/swagger-ui/" + swaggerUiVersion() + "/";
        this.page = ("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <title>Canonical Registry API</title>
                  <link rel="stylesheet" href="%1$sswagger-ui.css">
                </head>
                <body>
                  <div id="swagger-ui"></div>
                  <script src="%1$sswagger-ui-bundle.js"></script>
                  <script src="%1$sswagger-ui-standalone-preset.js"></script>
                  <script>
                    window.ui = SwaggerUIBundle({
                      url: "/api/v1/openapi.yaml",
                      dom_id: "#swagger-ui",
                      deepLinking: true,
                      presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
                      layout: "StandaloneLayout"
                    });
                  </script>
                </body>
                </html>
                """).formatted(base).getBytes(StandardCharsets.UTF_8);
    }

    @GetMapping(path = DOCS_PATH, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<byte[]> docs() {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache())
                .body(page);
    }

    /** The webjar's version decides its resource path; read it from the jar so a dependency bump needs no edit. */
    static String swaggerUiVersion() {
        try (InputStream in = new ClassPathResource(WEBJAR_PROPERTIES).getInputStream()) {
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version");
            if (version == null || version.isBlank()) {
                throw new IllegalStateException(WEBJAR_PROPERTIES + " names no version");
            }
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException("The swagger-ui webjar is missing from the classpath", e);
        }
    }
}
