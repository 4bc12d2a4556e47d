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
 * A local stand-in for Twilio's REST API (Messages resource), reached by the real Twilio SDK
 * through the hub's redirecting HTTP client. Answers like Twilio: 201 with the new message; for
 * {@link #BUSY} a 429 first; for {@link #INVALID} a 400 with error 21211. Records every request.
 */
@TestComponent
public class TwilioApiStub implements DisposableBean {

    static final int PORT = 31080;
    static final String BUSY = "+12125550188";
    static final String INVALID = "+12125550199";
    static final String UNSUBSCRIBED = "+12125550166";

    /** One request as received: its path, Basic credentials and form parameters. */
    public record Received(String path, String authorization, Map<String, String> form) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger busyAttempts = new AtomicInteger();

    TwilioApiStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
        server.createContext("/2010-04-01/Accounts/", this::messages);
        server.start();
    }

    public List<Received> requestsTo(String number) {
        return received.stream().filter(r -> number.equals(r.form().get("To"))).toList();
    }

    private void messages(HttpExchange exchange) throws IOException {
        Map<String, String> form = new HashMap<>();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        received.add(new Received(exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Authorization"), form));
        String to = form.get("To");
        if (BUSY.equals(to) && busyAttempts.incrementAndGet() == 1) {
            answer(exchange, 429, "{\"code\":20429,\"message\":\"Too Many Requests\",\"more_info\":"
                    + "\"https://www.twilio.com/docs/errors/20429\",\"status\":429}");
        } else if (INVALID.equals(to)) {
            answer(exchange, 400, "{\"code\":21211,\"message\":\"The 'To' number " + to + " is not a valid phone "
                    + "number.\",\"more_info\":\"https://www.twilio.com/docs/errors/21211\",\"status\":400}");
        } else if (UNSUBSCRIBED.equals(to)) {
            answer(exchange, 400, "{\"code\":21610,\"message\":\"Attempt to send to unsubscribed recipient\","
                    + "\"more_info\":\"https://www.twilio.com/docs/errors/21610\",\"status\":400}");
        } else {
            answer(exchange, 201, "{\"sid\":\"SM" + UUID.randomUUID().toString().replace("-", "") + "\",\"status\":"
                    + "\"queued\",\"to\":\"" + to + "\",\"body\":\"" + form.getOrDefault("Body", "").replace("\"", "'")
                    + "\",\"num_segments\":\"1\",\"direction\":\"outbound-api\",\"api_version\":\"2010-04-01\"}");
        }
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
