package io.omnihub.connectors.integrations;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads one business event from its JSON form (posted or polled), refusing with the reason what is
 * not a usable event: source, id, dotted lower-case type, ISO-8601 occurredAt, a customer (or the
 * request it answers) and a summary are required.
 */
public final class BusinessEventReader {

    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");

    private final ObjectMapper json;

    public BusinessEventReader(ObjectMapper json) {
        this.json = json;
    }

    /** @throws IllegalArgumentException naming what is wrong */
    public BusinessEvent read(JsonNode item) {
        String id = text(item, "id");
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

    static String require(JsonNode item, String field) {
        String value = text(item, field);
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    static String text(JsonNode item, String field) {
        JsonNode node = item == null ? null : item.get(field);
        return node == null || node.isNull() || node.asText().isBlank() ? null : node.asText().strip();
    }
}
