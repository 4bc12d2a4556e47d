package io.omnihub.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.test.context.TestComponent;

/**
 * A local stand-in for Twilio's REST API, reached by the real Twilio SDK through the hub's
 * redirecting HTTP client. Messages: 201 with the new message; for {@link #BUSY} a 429 first; for
 * {@link #INVALID} a 400 with error 21211. Media ({@code .../Media/ME...}): served to the account's
 * credentials only, as Twilio does with media authentication on, by the media sid's name: a PNG, a
 * redirect to a JPEG in "storage", a redirect to loopback, a 503 once, an oversized file, HTML.
 * Records every request.
 */
@TestComponent
public class TwilioApiStub implements DisposableBean {

    static final int PORT = 31080;
    static final String BUSY = "+12125550188";
    static final String INVALID = "+12125550199";
    static final String UNSUBSCRIBED = "+12125550166";
    /** Answered by a proxy in front of Twilio: 400 with an HTML page, no Twilio error body. */
    static final String PROXY_ERROR = "+12125550133";

    /**
     * One request as received: its path, Basic credentials and form parameters (the first value of each),
     * and every MediaUrl, in order.
     */
    public record Received(String path, String authorization, Map<String, String> form, List<String> mediaUrls) {
        Received(String path, String authorization, Map<String, String> form) {
            this(path, authorization, form, List.of());
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger busyAttempts = new AtomicInteger();

    TwilioApiStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
        server.createContext("/2010-04-01/Accounts/", this::accounts);
        server.createContext("/storage/", this::storage);
        server.createContext("/secret", this::storage);
        server.start();
    }

    static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    static final byte[] JPEG = "\u00ff\u00d8\u00ff\u00e0 jpeg bytes to compare".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] RECORDING = "ID3 a voicemail's bytes".getBytes(StandardCharsets.ISO_8859_1);
    private final AtomicInteger flakyAttempts = new AtomicInteger();

    /** The requests for one path. */
    public List<Received> requests(String path) {
        return received.stream().filter(r -> path.equals(r.path())).toList();
    }

    /** Every path requested, in order. */
    public List<String> paths() {
        return received.stream().map(Received::path).toList();
    }

    public List<Received> requestsTo(String number) {
        return received.stream().filter(r -> number.equals(r.form().get("To"))).toList();
    }

    private void accounts(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.endsWith("/Calls.json")) {
            calls(exchange);
            return;
        }
        if (!path.contains("/Media/") && !path.contains("/Recordings/")) {
            messages(exchange);
            return;
        }
        received.add(new Received(path, exchange.getRequestHeaders().getFirst("Authorization"), Map.of()));
        String expected = "Basic " + java.util.Base64.getEncoder().encodeToString(
                "ACit000000000000000000000000000000:it-twilio-auth-token".getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            StubResponses.json(exchange, 401, "{\"code\":20003,\"message\":\"Authenticate\",\"status\":401}");
            return;
        }
        String media = path.substring(path.lastIndexOf('/') + 1);
        if (path.contains("/Recordings/")) {
            StubResponses.send(exchange, media.endsWith(".mp3") ? 200 : 404, "audio/mpeg", RECORDING);
            return;
        }
        switch (media) {
            case "MEpng" -> StubResponses.send(exchange, 200, "image/png", PNG);
            case "MEredirect" -> StubResponses.redirect(exchange, "/storage/photo.jpg");
            case "MEloopback" -> StubResponses.redirect(exchange, "http://localhost:" + PORT + "/secret");
            case "MEflaky" -> {
                if (flakyAttempts.incrementAndGet() == 1) {
                    StubResponses.send(exchange, 503, "text/plain", "try later".getBytes(StandardCharsets.UTF_8));
                } else {
                    StubResponses.send(exchange, 200, "image/png", PNG);
                }
            }
            case "MEhuge" -> StubResponses.send(exchange, 200, "video/mp4", new byte[2 * 1024 * 1024]);
            case "MEhtml" -> StubResponses.send(exchange, 200, "text/html", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
            default -> StubResponses.send(exchange, 404, "application/json", "{\"status\":404}".getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Where Twilio's media URLs redirect to: no credentials wanted. */
    private void storage(HttpExchange exchange) throws IOException {
        received.add(new Received(exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Authorization"), Map.of()));
        StubResponses.send(exchange, 200, "image/jpeg", JPEG);
    }



    /** Call.creator: 201 with the new call, as Twilio answers. */
    private void calls(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(exchange);
        received.add(new Received(exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Authorization"), form));
        StubResponses.json(exchange, 201, "{\"sid\":\"CA" + UUID.randomUUID().toString().replace("-", "") + "\",\"status\":"
                + "\"queued\",\"to\":\"" + form.get("To") + "\",\"from\":\"" + form.get("From") + "\","
                + "\"direction\":\"outbound-api\",\"api_version\":\"2010-04-01\"}");
    }

    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        return first(pairs(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    private static List<Map.Entry<String, String>> pairs(String body) {
        List<Map.Entry<String, String>> pairs = new java.util.ArrayList<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                pairs.add(Map.entry(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8)));
            }
        }
        return pairs;
    }

    private static Map<String, String> first(List<Map.Entry<String, String>> pairs) {
        Map<String, String> form = new HashMap<>();
        pairs.forEach(p -> form.putIfAbsent(p.getKey(), p.getValue()));
        return form;
    }

    /**
     * What Twilio's published OpenAPI description (twilio-oai, CreateMessage) requires of a Message
     * create: To; From or MessagingServiceSid; Body, MediaUrl or ContentSid; at most 10 MediaUrl and
     * 1,600 characters of Body. Null when the request is acceptable.
     */
    static String createMessageProblem(List<Map.Entry<String, String>> pairs) {
        Map<String, String> form = first(pairs);
        long media = pairs.stream().filter(p -> p.getKey().equals("MediaUrl")).count();
        if (form.get("To") == null) {
            return "{\"code\":21604,\"message\":\"A 'To' phone number is required.\",\"status\":400}";
        }
        if (form.get("From") == null && form.get("MessagingServiceSid") == null) {
            return "{\"code\":21603,\"message\":\"A 'From' phone number is required.\",\"status\":400}";
        }
        if (form.get("Body") == null && media == 0 && form.get("ContentSid") == null) {
            return "{\"code\":21602,\"message\":\"Message body is required.\",\"status\":400}";
        }
        if (media > 10 || form.getOrDefault("Body", "").length() > 1600) {
            return "{\"code\":21617,\"message\":\"The concatenated message body exceeds the 1600 character limit, "
                    + "or more than 10 media.\",\"status\":400}";
        }
        return null;
    }

    private void messages(HttpExchange exchange) throws IOException {
        List<Map.Entry<String, String>> pairs = pairs(new String(exchange.getRequestBody().readAllBytes(),
                StandardCharsets.UTF_8));
        Map<String, String> form = first(pairs);
        received.add(new Received(exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Authorization"), form,
                pairs.stream().filter(p -> p.getKey().equals("MediaUrl")).map(Map.Entry::getValue).toList()));
        String to = form.get("To");
        String refused = createMessageProblem(pairs);
        if (refused != null) {
            StubResponses.json(exchange, 400, refused);
        } else if (PROXY_ERROR.equals(to)) {
            StubResponses.send(exchange, 400, "text/html", "<html><body><h1>400 Bad Request</h1>nginx</body></html>"
                    .getBytes(StandardCharsets.UTF_8));
        } else if (BUSY.equals(to) && busyAttempts.incrementAndGet() == 1) {
            StubResponses.json(exchange, 429, "{\"code\":20429,\"message\":\"Too Many Requests\",\"more_info\":"
                    + "\"https://www.twilio.com/docs/errors/20429\",\"status\":429}");
        } else if (INVALID.equals(to)) {
            StubResponses.json(exchange, 400, "{\"code\":21211,\"message\":\"The 'To' number " + to + " is not a valid phone "
                    + "number.\",\"more_info\":\"https://www.twilio.com/docs/errors/21211\",\"status\":400}");
        } else if (UNSUBSCRIBED.equals(to)) {
            StubResponses.json(exchange, 400, "{\"code\":21610,\"message\":\"Attempt to send to unsubscribed recipient\","
                    + "\"more_info\":\"https://www.twilio.com/docs/errors/21610\",\"status\":400}");
        } else {
            StubResponses.json(exchange, 201, "{\"sid\":\"SM" + UUID.randomUUID().toString().replace("-", "") + "\",\"status\":"
                    + "\"queued\",\"to\":\"" + to + "\",\"body\":\"" + form.getOrDefault("Body", "").replace("\"", "'")
                    + "\",\"num_segments\":\"1\",\"direction\":\"outbound-api\",\"api_version\":\"2010-04-01\"}");
        }
    }


    @Override
    public void destroy() {
        server.stop(0);
    }
}
