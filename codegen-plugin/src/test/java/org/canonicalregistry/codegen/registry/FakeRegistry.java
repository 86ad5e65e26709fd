package org.canonicalregistry.codegen.registry;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Test support: an HTTP server on a free port that answers fixed routes with canned JSON, so the request building
 * and error mapping of the goals are tested without a registry. The real registry is exercised by codegen-it.
 */
public final class FakeRegistry implements AutoCloseable {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private final HttpServer server;
  private final Map<String, Object[]> routes = new ConcurrentHashMap<>();
  /** Every request as {@code METHOD path}, with its body and Authorization header. */
  public final List<String[]> requests = new CopyOnWriteArrayList<>();

  public FakeRegistry() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", exchange -> {
      String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      requests.add(new String[] {key, body, exchange.getRequestHeaders().getFirst("Authorization")});
      Object[] answer = routes.getOrDefault(key, new Object[] {404, problem(404, "Not Found", "no route " + key)});
      byte[] bytes = answer[1].toString().getBytes(StandardCharsets.UTF_8);
      int status = (Integer) answer[0];
      exchange.getResponseHeaders().add("Content-Type", status >= 400 ? "application/problem+json"
          : "application/json");
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public FakeRegistry answer(String methodAndPath, int status, Object json) {
    routes.put(methodAndPath, new Object[] {status, json instanceof String s ? s : MAPPER.writeValueAsString(json)});
    return this;
  }

  public static String problem(int status, String title, String detail) {
    ObjectNode p = MAPPER.createObjectNode();
    p.put("type", "https://canonical-registry.org/problems/test");
    p.put("title", title);
    p.put("status", status);
    p.put("detail", detail);
    return MAPPER.writeValueAsString(p);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
