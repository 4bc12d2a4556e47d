package io.omnihub.console.live;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An event from {@code hub.events} as sent to live clients: its publish sequence, type and JSON,
 * and the JSON read (to decide who may receive it), when it was read.
 */
record LiveEvent(long sequence, String eventId, String type, String json, JsonNode envelope) {

    LiveEvent(long sequence, String eventId, String type, String json) {
        this(sequence, eventId, type, json, null);
    }
}
