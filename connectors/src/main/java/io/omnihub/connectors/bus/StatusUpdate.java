package io.omnihub.connectors.bus;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The canonical message on {@code hub.status}: what became of something the hub sent or set going,
 * as a provider or a client reported it. It changes a recorded interaction (its delivery status, a
 * call's outcome); it never records one. Serialized as JSON; {@link #schema} versions the shape.
 *
 * @param kind       what is reported, which says who applies it: a kind of the channel's own, e.g.
 *                   {@code SMS_DELIVERY} (Twilio's status callback for an SMS/MMS we sent), {@code CHAT_RECEIPT}
 *                   (a visitor's widget showed an agent's line), {@code CALL_PROGRESS} (Twilio's news about a call)
 * @param channel    the channel it came through: sms, voice, chat
 * @param inbox      the configured inbox key the report came through
 * @param reference  the provider's or client's id of what it is about: a MessageSid, a CallSid, a chat line id
 * @param event      what happened, unique per reference: a Twilio status, a call event, "shown"
 * @param occurredAt when the hub received the report
 * @param facts      what the report says, by name (status, errorCode, duration, recordingSid, chatSession…)
 */
public record StatusUpdate(String schema, String kind, String channel, String inbox, String reference, String event,
        Instant occurredAt, Map<String, Object> facts) {

    public static final String SCHEMA = "omnihub.status.v1";

    public StatusUpdate {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(inbox, "inbox");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(event, "event");
        schema = schema == null ? SCHEMA : schema;
        facts = facts == null ? Map.of() : Map.copyOf(facts);
    }

    public static StatusUpdate of(String kind, String channel, String inbox, String reference, String event,
            Instant occurredAt, Map<String, Object> facts) {
        return new StatusUpdate(SCHEMA, kind, channel, inbox, reference, event, occurredAt, facts);
    }

    /** The bus duplicate-detection id: the same report received twice is applied once. */
    public String duplicateId() {
        return "status:" + channel + ":" + inbox + ":" + reference + ":" + event;
    }

    /** The message group: what it is about, so the reports about one message or call are applied in order. */
    public String groupId() {
        return channel + ":" + reference;
    }
}
