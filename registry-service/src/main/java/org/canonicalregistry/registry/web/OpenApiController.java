package org.canonicalregistry.registry.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

import org.canonicalregistry.registry.api.ContractApi;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/openapi.yaml}: the contract this build implements, byte for byte the
 * {@code registry-api.yaml} the server interfaces were generated from (copied onto the classpath by the build).
 * Read once at start-up; a missing or non-UTF-8 file fails the start, not a request.
 */
@RestController
class OpenApiController implements ContractApi {

    /** Where the build puts the spec on the service's classpath. */
    static final String SPEC_RESOURCE = "openapi/registry-api.yaml";
    static final MediaType YAML_UTF8 = new MediaType("application", "yaml", StandardCharsets.UTF_8);

    private final String spec;

    OpenApiController() {
        this.spec = readSpec();
    }

    @Override
    public ResponseEntity<String> getOpenApiSpec() {
        return ResponseEntity.ok().contentType(YAML_UTF8).body(spec);
    }

    private static String readSpec() {
        try (InputStream in = new ClassPathResource(SPEC_RESOURCE).getInputStream()) {
            byte[] bytes = in.readAllBytes();
            // Strict decoding: a lossy round trip would break the byte-for-byte promise silently.
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(SPEC_RESOURCE + " is not valid UTF-8", e);
        } catch (IOException e) {
            throw new UncheckedIOException("The API contract " + SPEC_RESOURCE + " is missing from the classpath", e);
        }
    }
}
