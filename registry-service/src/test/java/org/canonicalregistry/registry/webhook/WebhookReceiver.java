package org.canonicalregistry.registry.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A webhook receiver on a JDK {@link HttpServer} (127.0.0.1, random port) that verifies each request's signature
 * the way the docs tell receivers to, independently of the registry's own signing code. Each path stands for one
 * subscription with its own secret. A {@link Behaviour} decides every answer; requests answered 2xx are the
 * acknowledged ones.
 */
final class WebhookReceiver implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One received request. */
    record Received(String path, String deliveryId, String timestamp, String signature, String contentType,
                    String body, boolean signatureValid) {

        JsonNode cloudEvent() {
            return JSON.readTree(body);
        }

        String eventId() {
            return cloudEvent().path("id").asString();
        }
    }

    /** Decides the HTTP status for a request; may block (a slow receiver). */
    interface Behaviour {
        int answer(Received request) throws InterruptedException;
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Received> acknowledged = new CopyOnWriteArrayList<>();
    private volatile Behaviour behaviour = request -> 200;

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** The URL of a subscription endpoint whose requests must be signed with {@code secret}. */
    String endpoint(String path, String secret) {
        secrets.put(path, secret);
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void behave(Behaviour behaviour) {
        this.behaviour = behaviour;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> acknowledged() {
        return List.copyOf(acknowledged);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            String timestamp = exchange.getRequestHeaders().getFirst("Canonical-Registry-Timestamp");
            String signature = exchange.getRequestHeaders().getFirst("Canonical-Registry-Signature");
            Received request = new Received(path, exchange.getRequestHeaders().getFirst("Canonical-Registry-Delivery"),
                    timestamp, signature, exchange.getRequestHeaders().getFirst("Content-Type"), body,
                    verifies(secrets.get(path), timestamp, body, signature));
            received.add(request);
            int status;
            try {
                status = behaviour.answer(request);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                status = 503;
            }
            if (status / 100 == 2) {
                acknowledged.add(request);
            }
            exchange.sendResponseHeaders(status, -1);
        }
    }

    /** What docs/audit-and-webhooks.md tells a receiver to do. */
    static boolean verifies(String secret, String timestamp, String body, String signatureHeader) {
        if (secret == null || timestamp == null || signatureHeader == null || !signatureHeader.startsWith("sha256=")) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            byte[] given = HexFormat.of().parseHex(signatureHeader.substring("sha256=".length()));
            return MessageDigest.isEqual(expected, given);
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
