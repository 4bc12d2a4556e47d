package io.omnihub.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.test.context.TestComponent;

/**
 * A local HTTP server standing in for an ERP/SCM system: a webhook receiver ({@code /webhook}), a
 * REST API ({@code /rest/...}) taking an OAuth2 client-credentials token ({@code /oauth/token}) or
 * Basic credentials. It can be switched to answer 503 (down), 400 (refusing) or slowly.
 * Records every request with its headers and body, and what it answered.
 */
@TestComponent
public class ErpStub implements DisposableBean {

    static final int PORT = 31090;
    static final String CLIENT_ID = "omnihub";
    static final String CLIENT_SECRET = "it-client-secret";

    /** How the stub answers webhooks and REST calls. */
    enum Mode { UP, DOWN, REFUSING, SLOW }

    /** One request: method, path, headers (lower-case names), body, and the status answered. */
    public record Received(String method, String path, Map<String, String> headers, String body, int answered) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.UP);
    private final AtomicInteger tokensIssued = new AtomicInteger();

    ErpStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.createContext("/webhook", this::target);
        server.createContext("/rest/", this::target);
        server.createContext("/oauth/token", this::token);
        server.start();
    }

    void mode(Mode next) {
        mode.set(next);
    }

    List<Received> received(String pathPrefix) {
        return received.stream().filter(r -> r.path().startsWith(pathPrefix)).toList();
    }

    int tokensIssued() {
        return tokensIssued.get();
    }

    private void target(HttpExchange exchange) throws IOException {
        Mode now = mode.get();
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        int status;
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(
                "omnihub:it-basic-password".getBytes(StandardCharsets.UTF_8));
        if (exchange.getRequestURI().getPath().startsWith("/rest/") && (auth == null
                || !(auth.startsWith("Bearer tok-") || auth.equals(basic)))) {
            status = 401;
        } else {
            status = switch (now) {
                case DOWN -> 503;
                case REFUSING -> 400;
                default -> 200;
            };
        }
        if (now == Mode.SLOW) {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        record(exchange, status);
        answer(exchange, status, status == 400 ? "{\"error\":\"unknown field 'channel' in mapping\"}" : "{}");
    }

    private void token(HttpExchange exchange) throws IOException {
        String expected = "Basic " + java.util.Base64.getEncoder().encodeToString(
                (CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        boolean ok = expected.equals(exchange.getRequestHeaders().getFirst("Authorization"));
        record(exchange, ok ? 200 : 401);
        answer(exchange, ok ? 200 : 401, ok ? "{\"access_token\":\"tok-" + tokensIssued.incrementAndGet()
                + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}" : "{\"error\":\"invalid_client\"}");
    }

    private void record(HttpExchange exchange, int status) throws IOException {
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers,
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), status));
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void destroy() {
        server.stop(0);
    }
}
