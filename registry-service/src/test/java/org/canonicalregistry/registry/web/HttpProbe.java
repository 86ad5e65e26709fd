package org.canonicalregistry.registry.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP client against a running registry (random port or packaged jar): raw bytes in, status, headers and
 * body out. Deliberately not MockMvc, so the container's own behaviour (filters, error dispatch, Tomcat limits)
 * is part of what the tests see.
 */
public final class HttpProbe {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;

    public HttpProbe(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public Reply get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    public Reply postJson(String path, String json) {
        return post(path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    public Reply post(String path, String contentType, byte[] body, String... headers) {
        return send(request(path, headers).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Sends the body without a Content-Length (chunked transfer coding). */
    public Reply postChunked(String path, String contentType, Supplier<InputStream> body) {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(body)));
    }

    public Reply patchJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    public Reply method(String method, String path) {
        return send(request(path).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT);
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return builder;
    }

    private Reply send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response, Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** One response, with the wall-clock time it took. */
    public record Reply(HttpResponse<byte[]> response, Duration took) {

        public int status() {
            return response.statusCode();
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        public byte[] bytes() {
            return response.body();
        }

        public String text() {
            return new String(response.body(), StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            return JSON.readTree(response.body());
        }

        /** The problem's {@code type} without the common prefix, e.g. {@code entity-not-found}. */
        public String problemType() {
            String type = json().path("type").asString();
            String prefix = "https://canonical-registry.org/problems/";
            return type.startsWith(prefix) ? type.substring(prefix.length()) : type;
        }

        @Override
        public String toString() {
            return status() + " " + contentType() + " " + text();
        }
    }
}
