package io.omnihub.console.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Customers")
public class OrderLookupController {

    static final String QUEUE = "hub.lookup.orders";
    private static final int MAX_CACHED = 10_000;

    private record Cached(JsonNode answer, Instant until) {
    }

    private final JmsTemplate bus;
    private final ObjectMapper json;
    private final Duration cacheFor;
    private final Clock clock;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    /**
     * @param timeout  {@code omnihub.order-lookup.timeout}: how long the console waits for the ERP (default 3 s)
     * @param cacheFor {@code omnihub.order-lookup.cache-for}: how long an answer is reused (default 60 s)
     */
    OrderLookupController(JmsTemplate jms, ObjectMapper json,
            @Value("${omnihub.order-lookup.timeout:3s}") Duration timeout,
            @Value("${omnihub.order-lookup.cache-for:60s}") Duration cacheFor, Clock clock) {
        this.bus = new JmsTemplate(jms.getConnectionFactory());
        this.bus.setReceiveTimeout(timeout.toMillis());
        this.bus.setExplicitQosEnabled(true);
        this.bus.setTimeToLive(timeout.toMillis());
        this.json = json;
        this.cacheFor = cacheFor;
        this.clock = clock;
    }

    @GetMapping("/api/v1/customers/{id}/orders")
    @Operation(summary = "The customer's open orders from the ERP",
            description = "Asked live through the bus from the configured SAP S/4HANA target and kept for a minute. "
                    + "When the ERP is slow or down the answer says so (available false, with the reason) within "
                    + "the lookup timeout; the console never waits longer.")
    public JsonNode orders(@PathVariable long id) throws Exception {
        Cached cached = cache.get(id);
        if (cached != null && cached.until().isAfter(clock.instant())) {
            return ((ObjectNode) cached.answer().deepCopy()).put("cached", true);
        }
        Message reply = bus.sendAndReceive(QUEUE, session -> session.createTextMessage("{\"customerId\":" + id + "}"));
        if (!(reply instanceof TextMessage text)) {
            return json.createObjectNode().put("available", false).put("reason", "the ERP did not answer within "
                    + bus.getReceiveTimeout() / 1000.0 + " s");
        }
        ObjectNode answer = (ObjectNode) json.readTree(text.getText());
        answer.put("fetchedAt", clock.instant().toString());
        if (answer.path("available").asBoolean()) {
            if (cache.size() >= MAX_CACHED) {
                // answers live a minute: past that many, drop the stale ones rather than grow without end
                cache.values().removeIf(c -> !c.until().isAfter(clock.instant()));
            }
            if (cache.size() < MAX_CACHED) {
                cache.put(id, new Cached(answer, clock.instant().plus(cacheFor)));
            }
        }
        return answer.deepCopy().put("cached", false);
    }
}
