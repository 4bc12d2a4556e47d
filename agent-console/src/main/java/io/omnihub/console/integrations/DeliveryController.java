package io.omnihub.console.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnihub.console.api.NotFoundException;
import io.omnihub.store.integration.IntegrationDeliveryQueue;
import io.omnihub.store.integration.IntegrationDeliveryQueue.Delivery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@Tag(name = "Integration deliveries", description = "Events delivered to ERP/SCM targets: what failed, and replay")
class DeliveryController {

    record DeliveryView(Long id, String target, String eventId, long eventSequence, String eventType, Long customerId,
            String status, int attempts, Instant nextAttemptAt, Integer lastStatus, String lastError,
            Instant deliveredAt, Instant createdAt, JsonNode event) {
    }

    record DeliveryPage(List<DeliveryView> items, Long nextBefore) {
    }

    /** Either ids, or a whole target's parked deliveries. */
    record ReplayRequest(String target, List<Long> ids) {
    }

    record Replayed(int replayed) {
    }

    private static final Set<String> STATUSES = Set.of("PENDING", "DELIVERED", "PARKED");

    private final IntegrationDeliveryQueue deliveries;
    private final ObjectMapper json;
    private final Clock clock;

    DeliveryController(IntegrationDeliveryQueue deliveries, ObjectMapper json, Clock clock) {
        this.deliveries = deliveries;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/api/v1/integrations/deliveries")
    @Operation(summary = "Deliveries, newest first", description = "Filter by target and status (PENDING, DELIVERED, "
            + "PARKED); PARKED lists what a target refused for good or what kept failing, with the last error. Pages "
            + "with before=<nextBefore>.")
    DeliveryPage list(@RequestParam(required = false) String target, @RequestParam(required = false) String status,
            @RequestParam(required = false) Long before, @RequestParam(defaultValue = "50") int limit) {
        if (status != null && !STATUSES.contains(status)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "status is one of " + STATUSES);
        }
        int size = Math.max(1, Math.min(limit, 200));
        List<DeliveryView> items = deliveries.list(target, status, before, size).stream().map(this::view).toList();
        return new DeliveryPage(items, items.size() == size ? items.get(items.size() - 1).id() : null);
    }

    @GetMapping("/api/v1/integrations/deliveries/{id}")
    DeliveryView one(@PathVariable long id) {
        return deliveries.find(id).map(this::view)
                .orElseThrow(() -> new NotFoundException("there is no delivery " + id));
    }

    @PostMapping("/api/v1/integrations/deliveries/{id}/replay")
    @Operation(summary = "Replay one parked delivery", description = "It goes back into its customer's queue for "
            + "its target, due now, with its attempts reset.")
    Replayed replay(@PathVariable long id) {
        Delivery delivery = deliveries.find(id).orElseThrow(() -> new NotFoundException("there is no delivery " + id));
        if (!"PARKED".equals(delivery.status())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "delivery " + id + " is " + delivery.status()
                    + "; only PARKED deliveries are replayed");
        }
        return new Replayed(deliveries.replay(List.of(id), clock.instant()));
    }

    @PostMapping("/api/v1/integrations/deliveries/replay")
    @Operation(summary = "Replay parked deliveries in bulk", description = "Body {\"ids\": [..]} for chosen ones, or "
            + "{\"target\": \"erp\"} for every parked delivery of a target (e.g. after fixing its mapping).")
    Replayed replayMany(@RequestBody ReplayRequest request) {
        if (request.ids() != null && !request.ids().isEmpty()) {
            return new Replayed(deliveries.replay(request.ids(), clock.instant()));
        }
        if (request.target() == null || request.target().isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "give ids or a target");
        }
        return new Replayed(deliveries.replayAll(request.target(), clock.instant()));
    }

    private DeliveryView view(Delivery d) {
        JsonNode event;
        try {
            event = json.readTree(d.envelope());
        } catch (IOException e) {
            event = null;
        }
        return new DeliveryView(d.id(), d.target(), d.eventId(), d.eventSequence(), d.eventType(), d.customerId(),
                d.status(), d.attempts(), d.nextAttemptAt(), d.lastStatus(), d.lastError(), d.deliveredAt(),
                d.createdAt(), event);
    }
}
