package io.omnihub.connectors.integrations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/integrations/events}: business events from ERP and SCM systems, one or a
 * batch, signed the Standard Webhooks way with a secret of {@code omnihub.business-events.secrets}
 * (and sent with an API token, like every API call). Each event is answered on its own: recorded on
 * its customer's timeline, a duplicate, an unknown customer (kept and listed, not dropped), or
 * invalid with the reason; one bad event does not refuse the others.
 */
@RestController
class BusinessEventController {

    static final int MAX_BODY = 1024 * 1024;
    static final int MAX_EVENTS = 1000;
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");

    /** The answer: one outcome per event, in the order posted. */
    record Results(List<BusinessEvent.Outcome> results) {
    }

    private final BusinessEventsProperties settings;
    private final BusinessEventSink sink;
    private final ObjectMapper json;
    private final Clock clock;

    BusinessEventController(BusinessEventsProperties settings, BusinessEventSink sink, ObjectMapper json, Clock clock) {
        this.settings = settings;
        this.sink = sink;
        this.json = json;
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
        for (JsonNode item : items) {
            results.add(record(item));
        }
        return ResponseEntity.ok(new Results(results));
    }

    private BusinessEvent.Outcome record(JsonNode item) {
        String id = text(item, "id");
        try {
            return sink.record(parse(item, id));
        } catch (IllegalArgumentException e) {
            return new BusinessEvent.Outcome(id, BusinessEvent.Status.INVALID, null, null, e.getMessage());
        }
    }

    private BusinessEvent parse(JsonNode item, String id) {
        if (!item.isObject()) {
            throw new IllegalArgumentException("an event is a JSON object");
        }
        String source = require(item, "source");
        require(item, "id");
        String type = require(item, "type");
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("type '" + type + "' is not dotted lower case, e.g. shipment.delayed");
        }
        Instant occurredAt;
        try {
            occurredAt = Instant.parse(require(item, "occurredAt"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("occurredAt is not an ISO-8601 instant, e.g. 2026-11-25T10:15:30Z");
        }
        JsonNode customer = item.path("customer");
        BusinessEvent.CustomerRef ref = new BusinessEvent.CustomerRef(text(customer, "erpNumber"),
                text(customer, "email"), text(customer, "phone"));
        String inReplyTo = text(item, "inReplyTo");
        if (ref.erpNumber() == null && ref.email() == null && ref.phone() == null && inReplyTo == null) {
            throw new IllegalArgumentException("customer needs an erpNumber, email or phone (or inReplyTo a request)");
        }
        String summary = require(item, "summary");
        if (summary.length() > 1000 || source.length() > 100 || id.length() > 200) {
            throw new IllegalArgumentException("summary is at most 1000 characters, source 100, id 200");
        }
        Map<String, Object> data = item.has("data") && item.get("data").isObject()
                ? json.convertValue(item.get("data"), new TypeReference<Map<String, Object>>() { }) : Map.of();
        return new BusinessEvent(source, id, type, occurredAt, ref, text(item, "reference"), summary, data, inReplyTo);
    }

    private static String require(JsonNode item, String field) {
        String value = text(item, field);
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    private static String text(JsonNode item, String field) {
        JsonNode node = item == null ? null : item.get(field);
        return node == null || node.isNull() || node.asText().isBlank() ? null : node.asText().strip();
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
