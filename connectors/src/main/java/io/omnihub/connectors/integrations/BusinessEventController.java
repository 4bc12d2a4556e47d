package io.omnihub.connectors.integrations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnihub.connectors.bus.BusUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/integrations/events}: business events from ERP and SCM systems, one or a
 * batch, signed the Standard Webhooks way with a secret of {@code omnihub.business-events.secrets}
 * (and sent with an API token, like every API call). Each event is answered on its own: ACCEPTED
 * (durably on {@code hub.inbound-business}, from where it reaches its customer's timeline or the
 * unmatched list within moments; {@code GET /api/v1/integrations/events/{source}/{id}} says which),
 * or INVALID with the reason; one bad event does not refuse the others.
 */
@RestController
class BusinessEventController {

    static final int MAX_BODY = 1024 * 1024;
    static final int MAX_EVENTS = 1000;

    /** The answer: one outcome per event, in the order posted. */
    record Results(List<BusinessEvent.Outcome> results) {
    }

    private final BusinessEventsProperties settings;
    private final BusinessEventPublisher bus;
    private final ObjectMapper json;
    private final BusinessEventReader reader;
    private final Clock clock;

    BusinessEventController(BusinessEventsProperties settings, BusinessEventPublisher bus, ObjectMapper json,
            Clock clock) {
        this.settings = settings;
        this.bus = bus;
        this.json = json;
        this.reader = new BusinessEventReader(json);
        this.clock = clock;
    }

    @PostMapping(path = "/api/v1/integrations/events", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> receive(HttpServletRequest request) throws IOException {
        if (settings.secrets().isEmpty()) {
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "business events are not set up: configure "
                    + "omnihub.business-events.secrets (see docs/integrations.md)");
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            return problem(HttpStatus.PAYLOAD_TOO_LARGE, "at most " + MAX_BODY + " bytes per post; send smaller batches");
        }
        if (!StandardWebhooks.verify(settings.secrets(), request.getHeader(StandardWebhooks.ID),
                request.getHeader(StandardWebhooks.TIMESTAMP), request.getHeader(StandardWebhooks.SIGNATURE), body,
                clock.instant())) {
            return problem(HttpStatus.UNAUTHORIZED, "the webhook-id, webhook-timestamp and webhook-signature headers "
                    + "are missing, more than 5 minutes off, or not signed with a configured secret");
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            return problem(HttpStatus.BAD_REQUEST, "the body is not JSON: " + e.getOriginalMessage());
        }
        JsonNode events = root != null && root.has("events") ? root.get("events") : root;
        List<JsonNode> items = new ArrayList<>();
        if (events != null && events.isArray()) {
            events.forEach(items::add);
        } else if (events != null && events.isObject()) {
            items.add(events);
        }
        if (items.isEmpty() || items.size() > MAX_EVENTS) {
            return problem(HttpStatus.BAD_REQUEST, "post one event object, or {\"events\": [...]} with 1 to "
                    + MAX_EVENTS + " events");
        }
        List<BusinessEvent.Outcome> results = new ArrayList<>();
        try {
            for (JsonNode item : items) {
                results.add(accept(item));
            }
        } catch (BusUnavailableException e) {
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "the hub cannot take events right now; send the batch "
                    + "again (events are de-duplicated by source and id), " + results.size() + " of " + items.size()
                    + " were taken");
        }
        return ResponseEntity.accepted().body(new Results(results));
    }

    private BusinessEvent.Outcome accept(JsonNode item) {
        String id = BusinessEventReader.text(item, "id");
        BusinessEvent event;
        try {
            event = reader.read(item);
        } catch (IllegalArgumentException e) {
            return new BusinessEvent.Outcome(id, BusinessEvent.Status.INVALID, null, null, e.getMessage());
        }
        bus.publish(event);
        return new BusinessEvent.Outcome(id, BusinessEvent.Status.ACCEPTED, null, null, null);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
