package org.canonicalregistry.registry.web;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
    private final int port;
    private final String base;
    /** Sent as {@code Authorization: Bearer …} on every request; null for an anonymous probe. */
    private final String bearer;

    /** An anonymous probe: no credentials. */
    public HttpProbe(int port) {
        this(port, null);
    }

    private HttpProbe(int port, String bearer) {
        this.port = port;
        this.base = "http://127.0.0.1:" + port;
        this.bearer = bearer;
    }

    /** A probe that authenticates every request with {@code token} ({@code Authorization: Bearer <token>}). */
    public HttpProbe withBearer(String token) {
        return new HttpProbe(port, token);
    }

    /** A probe acting as the bootstrap admin of the test configuration ({@code TestPrincipals.BOOTSTRAP_TOKEN}). */
    public static HttpProbe asAdmin(int port) {
        return new HttpProbe(port, org.canonicalregistry.registry.testing.TestPrincipals.BOOTSTRAP_TOKEN);
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

    public Reply method(String method, String path, String... headers) {
        return send(request(path, headers).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    /** Any method with a JSON body (or none when {@code json} is null). */
    public Reply send(String method, String path, String json, String... headers) {
        HttpRequest.Builder builder = request(path, headers);
        if (json == null) {
            return send(builder.method(method, HttpRequest.BodyPublishers.noBody()));
        }
        return send(builder.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT);
        boolean explicitAuthorization = false;
        for (int i = 0; i < headers.length; i += 2) {
            explicitAuthorization |= headers[i].equalsIgnoreCase("Authorization");
        }
        if (bearer != null && !explicitAuthorization) {
            builder.header("Authorization", "Bearer " + bearer);
        }
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
            return Reply.of(response, Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Sends a request over a plain socket the way a hostile client would: headers declaring
     * {@code body.length} bytes, then the body streamed from another thread without waiting for the server.
     * The reply is read as soon as the server answers, so {@link Reply#took()} is the server's reaction time even
     * when the server refuses the body after the headers (and never reads the rest).
     */
    public Reply postWithoutWaiting(String path, String contentType, byte[] body) {
        return raw("POST", path, contentType, body);
    }

    /** A GET whose request target is sent exactly as given, even when it is not a valid URI. */
    public Reply rawGet(String requestTarget) {
        return raw("GET", requestTarget, null, null);
    }

    private Reply raw(String method, String target, String contentType, byte[] body) {
        long start = System.nanoTime();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: 127.0.0.1:")
                    .append(port).append("\r\nConnection: close\r\n");
            if (bearer != null) {
                head.append("Authorization: Bearer ").append(bearer).append("\r\n");
            }
            if (body != null) {
                head.append("Content-Type: ").append(contentType).append("\r\nContent-Length: ").append(body.length)
                        .append("\r\n");
            }
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if (body != null) {
                Thread writer = new Thread(() -> {
                    try {
                        for (int at = 0; at < body.length; at += 64 * 1024) {
                            out.write(body, at, Math.min(64 * 1024, body.length - at));
                        }
                        out.flush();
                    } catch (IOException refused) {
                        // the server closed the connection after answering: exactly what a refusal looks like
                    }
                }, "hostile-writer");
                writer.setDaemon(true);
                writer.start();
            }
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            String statusLine = readLine(in);
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
                int colon = line.indexOf(':');
                headers.computeIfAbsent(line.substring(0, colon).strip(), k -> new ArrayList<>())
                        .add(line.substring(colon + 1).strip());
            }
            List<String> length = headers.get("Content-Length");
            byte[] content;
            if (length != null) {
                content = new byte[Integer.parseInt(length.get(0))];
                in.readFully(content);
            } else if (headers.getOrDefault("Transfer-Encoding", List.of()).contains("chunked")) {
                ByteArrayOutputStream chunks = new ByteArrayOutputStream();
                for (int size = Integer.parseInt(readLine(in).strip(), 16); size > 0;
                        size = Integer.parseInt(readLine(in).strip(), 16)) {
                    byte[] chunk = new byte[size];
                    in.readFully(chunk);
                    chunks.write(chunk);
                    readLine(in);
                }
                content = chunks.toByteArray();
            } else {
                content = in.readAllBytes(); // Connection: close, so the body ends with the stream
            }
            return new Reply(status, headers, content, Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + target + " over a raw socket failed", e);
        }
    }

    private static String readLine(DataInputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed inside the response head");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    /** One response, with the wall-clock time it took. Header names are case-insensitive. */
    public record Reply(int status, Map<String, List<String>> headers, byte[] bytes, Duration took) {

        static Reply of(HttpResponse<byte[]> response, Duration took) {
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(response.headers().map());
            return new Reply(response.statusCode(), headers, response.body(), took);
        }

        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public String contentType() {
            return header("Content-Type");
        }

        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            return JSON.readTree(bytes);
        }

        /** The problem's {@code type} without the common prefix, e.g. {@code entity-not-found}. */
        public String problemType() {
            String type = json().path("type").asString();
            String prefix = "https://canonical-registry.org/problems/";
            return type.startsWith(prefix) ? type.substring(prefix.length()) : type;
        }

        @Override
        public String toString() {
            return status + " " + contentType() + " " + text();
        }
    }
}
