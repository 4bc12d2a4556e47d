package io.omnihub.console.live;

/** An event from {@code hub.events} as sent to live clients: its publish sequence, type and JSON. */
record LiveEvent(long sequence, String eventId, String type, String json) {
}
