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
    private final List<String> feed = new CopyOnWriteArrayList<>();
    private final AtomicInteger partners = new AtomicInteger(1000);
    private final AtomicReference<String> csrf = new AtomicReference<>("csrf-1");
    private final AtomicReference<Mode> sapMode = new AtomicReference<>(Mode.UP);
    private final java.util.concurrent.atomic.AtomicBoolean sapRefusesCredentials =
            new java.util.concurrent.atomic.AtomicBoolean();

    ErpStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.createContext("/webhook", this::target);
        server.createContext("/rest/", this::target);
        server.createContext("/oauth/token", this::token);
        server.createContext("/feed", this::feed);
        server.createContext("/sap/opu/odata/sap/API_BUSINESS_PARTNER", this::businessPartners);
        server.createContext("/sap/opu/odata/sap/API_SALES_ORDER_SRV", this::salesOrders);
        server.start();
    }

    /** Publishes business events on the feed the hub polls. */
    void publish(String... events) {
        feed.addAll(List.of(events));
    }

    /**
     * A business-event feed: the events after the cursor ({@code after}, an index), two a page with
     * {@code more} when there are further ones; a bearer token required.
     */
    private void feed(HttpExchange exchange) throws IOException {
        if (!"Bearer tok-feed-it".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            record(exchange, 401);
            StubResponses.json(exchange, 401, "{}");
            return;
        }
        record(exchange, 200);
        String query = exchange.getRequestURI().getQuery();
        int after = query != null && query.startsWith("after=") ? Integer.parseInt(query.substring(6)) : 0;
        int until = Math.min(feed.size(), after + 2);
        StubResponses.json(exchange, 200, "{\"events\": [" + String.join(",", feed.subList(Math.min(after, until), until))
                + "], \"cursor\": \"" + until + "\", \"more\": " + (until < feed.size()) + "}");
    }

    /** The queries of the feed requests, in order. */
    List<String> feedQueries() {
        return received.stream().filter(r -> r.path().equals("/feed")).map(r -> r.headers().getOrDefault("x-query", ""))
                .toList();
    }

    void mode(Mode next) {
        mode.set(next);
    }

    /** How the SAP stand-in answers order lookups. */
    void sapMode(Mode next) {
        sapMode.set(next);
    }

    /** SAP refuses the hub's user (wrong password, locked user): 401 on everything. */
    void sapRefusesCredentials(boolean refuses) {
        sapRefusesCredentials.set(refuses);
    }

    /** SAP's CSRF token runs out: the next write is refused with "x-csrf-token: Required". */
    void expireCsrfToken() {
        csrf.set("csrf-" + (tokensIssued.get() + 100 + partners.get()));
    }

    /**
     * API_BUSINESS_PARTNER as SAP answers it: a token for "x-csrf-token: Fetch" (with a session
     * cookie); writes need both; a business partner is created only for names containing
     * "Sapling" (other tests' customers are refused, so they keep their ERP numbers to themselves).
     */
    private void businessPartners(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String token = exchange.getRequestHeaders().getFirst("x-csrf-token");
        String cookie = exchange.getRequestHeaders().getFirst("Cookie");
        if (sapRefusesCredentials.get()) {
            record(exchange, 401);
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"SAP NetWeaver Application Server\"");
            StubResponses.json(exchange, 401, "Logon failed");
            return;
        }
        if ("GET".equals(exchange.getRequestMethod()) && "Fetch".equalsIgnoreCase(token)) {
            record(exchange, 200);
            exchange.getResponseHeaders().add("x-csrf-token", csrf.get());
            exchange.getResponseHeaders().add("Set-Cookie", "SAP_SESSIONID_S4H_100=session-" + csrf.get() + "; path=/");
            StubResponses.json(exchange, 200, "{}");
            return;
        }
        if (!csrf.get().equals(token) || cookie == null || !cookie.contains("SAP_SESSIONID_S4H_100=session-")) {
            record(exchange, 403);
            exchange.getResponseHeaders().add("x-csrf-token", "Required");
            StubResponses.json(exchange, 403, "CSRF token validation failed");
            return;
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String tooLong = tooLongForSap(body);
        received.add(new Received(exchange.getRequestMethod(), path, headers(exchange), body, tooLong != null ? 400
                : body.contains("Sapling") ? ("POST".equals(exchange.getRequestMethod()) ? 201 : 204) : 400));
        if (tooLong != null) {
            // as SAP answers a value longer than its field
            StubResponses.json(exchange, 400, "{\"error\":{\"code\":\"/IWBEP/CM_MGW_RT/020\",\"message\":"
                    + "{\"value\":\"Property '" + tooLong + "' has invalid value: maximum length 40 exceeded\"}}}");
        } else if (!body.contains("Sapling")) {
            StubResponses.json(exchange, 400, "{\"error\":{\"code\":\"R11/401\",\"message\":{\"value\":\"not in this test\"}}}");
        } else if ("POST".equals(exchange.getRequestMethod())) {
            StubResponses.json(exchange, 201, "{\"d\":{\"BusinessPartner\":\"" + partners.incrementAndGet() + "\"}}");
        } else {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        }
    }

    /** The first name field longer than SAP's 40 characters, or null. */
    private static String tooLongForSap(String body) throws IOException {
        com.fasterxml.jackson.databind.JsonNode partner = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
        for (String field : List.of("FirstName", "MiddleName", "LastName", "OrganizationBPName1", "OrganizationBPName2",
                "OrganizationBPName3", "OrganizationBPName4", "SearchTerm1")) {
            int max = field.equals("SearchTerm1") ? 20 : 40;
            if (partner.path(field).asText("").length() > max) {
                return field;
            }
        }
        return null;
    }

    /** API_SALES_ORDER_SRV: two orders of whichever business partner is asked about; slow on request. */
    private void salesOrders(HttpExchange exchange) throws IOException {
        if (sapRefusesCredentials.get()) {
            record(exchange, 401);
            StubResponses.json(exchange, 401, "Logon failed");
            return;
        }
        record(exchange, 200);
        if (sapMode.get() == Mode.SLOW) {
            try {
                Thread.sleep(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String query = java.net.URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
        String partner = query.replaceAll(".*SoldToParty eq '([^']*)'.*", "$1");
        StubResponses.json(exchange, 200, "{\"d\":{\"results\":[{\"SalesOrder\":\"4711\",\"SoldToParty\":\"" + partner
                + "\",\"CreationDate\":\"/Date(1764028800000)/\",\"TotalNetAmount\":\"129.90\","
                + "\"TransactionCurrency\":\"EUR\",\"OverallSDProcessStatus\":\"A\",\"OverallDeliveryStatus\":\"A\"},"
                + "{\"SalesOrder\":\"4702\",\"SoldToParty\":\"" + partner + "\",\"CreationDate\":\"/Date(1763424000000)/\","
                + "\"TotalNetAmount\":\"59.00\",\"TransactionCurrency\":\"EUR\",\"OverallSDProcessStatus\":\"C\","
                + "\"OverallDeliveryStatus\":\"C\"}]}}");
    }

    private static Map<String, String> headers(HttpExchange exchange) {
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
        return headers;
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
        StubResponses.json(exchange, status, status == 400 ? "{\"error\":\"unknown field 'channel' in mapping\"}" : "{}");
    }

    private void token(HttpExchange exchange) throws IOException {
        String expected = "Basic " + java.util.Base64.getEncoder().encodeToString(
                (CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        boolean ok = expected.equals(exchange.getRequestHeaders().getFirst("Authorization"));
        record(exchange, ok ? 200 : 401);
        StubResponses.json(exchange, ok ? 200 : 401, ok ? "{\"access_token\":\"tok-" + tokensIssued.incrementAndGet()
                + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}" : "{\"error\":\"invalid_client\"}");
    }

    private void record(HttpExchange exchange, int status) throws IOException {
        Map<String, String> headers = headers(exchange);
        headers.put("x-query", String.valueOf(exchange.getRequestURI().getQuery()));
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers,
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), status));
    }


    @Override
    public void destroy() {
        server.stop(0);
    }
}
