package io.omnihub.connectors.bus;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The canonical message on {@code hub.inbound}: one interaction from any channel, as its connector
 * read it. Serialized as JSON; {@link #schema} versions the shape.
 *
 * @param channel     webform, email, sms, voice, chat
 * @param inbox       the configured inbox key it arrived through
 * @param externalId  the channel's own id (submission id, Message-ID, MessageSid, CallSid);
 *                    unique per inbox, the key that makes redelivery harmless
 * @param direction   INBOUND from the customer, OUTBOUND from us (sent elsewhere, e.g. a mail client)
 * @param kind        MESSAGE, FORM_SUBMISSION, CALL
 * @param from        the sender and every address they gave
 * @param text        plain text body
 * @param html        HTML body exactly as received; the hub sanitizes it before anyone sees it
 * @param metadata    channel details worth keeping (form fields, headers, call data)
 */
public record InboundInteraction(String schema, String channel, String inbox, String externalId, String direction,
        String kind, Instant occurredAt, Sender from, List<Address> to, String subject, String text, String html,
        List<AttachmentRef> attachments, ThreadHints thread, Map<String, Object> metadata,
        Set<InteractionFlag> flags) {

    public static final String SCHEMA = "omnihub.inbound.v1";
    /**
     * Metadata key: a digest of what the sender wrote, for channels whose ids others can reuse (an
     * email's Message-ID). The same id with another fingerprint is another interaction.
     */
    public static final String FINGERPRINT = "fingerprint";

    public InboundInteraction {
        to = to == null ? List.of() : List.copyOf(to);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        thread = thread == null ? ThreadHints.NONE : thread;
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        flags = flags == null ? Set.of() : Set.copyOf(flags);
    }

    /**
     * The bus duplicate-detection id: the same interaction put on the bus twice is kept once; with
     * a fingerprint, a different interaction reusing the id is not mistaken for it.
     */
    public String duplicateId() {
        String id = channel + ":" + inbox + ":" + externalId;
        return fingerprint() == null ? id : id + "#" + fingerprint();
    }

    /** The content fingerprint, or null when the channel gives none. */
    public String fingerprint() {
        return metadata.get(FINGERPRINT) instanceof String fingerprint ? fingerprint : null;
    }

    /** The message group: the sender's primary address, so one customer is handled in order. */
    public String groupId() {
        Address primary = from == null ? null : from.primary();
        return primary == null ? channel + ":" + inbox : primary.key();
    }

    /**
     * The same interaction under another external id, with a flag and more metadata: for an
     * interaction that turned out to reuse another's id.
     */
    public InboundInteraction reidentified(String newExternalId, InteractionFlag flag, Map<String, Object> more) {
        Map<String, Object> combined = new java.util.LinkedHashMap<>(metadata);
        combined.putAll(more);
        Set<InteractionFlag> withFlag = new java.util.HashSet<>(flags);
        withFlag.add(flag);
        return new InboundInteraction(schema, channel, inbox, newExternalId, direction, kind, occurredAt, from, to,
                subject, text, html, attachments, thread, combined, withFlag);
    }

    public boolean flagged(InteractionFlag flag) {
        return flags.contains(flag);
    }

    public static Builder builder(String channel, String inbox, String externalId) {
        return new Builder(channel, inbox, externalId);
    }

    /** Builds an inbound interaction; connectors fill what their channel has. */
    public static final class Builder {
        private final String channel;
        private final String inbox;
        private final String externalId;
        private String direction = "INBOUND";
        private String kind = "MESSAGE";
        private Instant occurredAt;
        private Sender from;
        private List<Address> to = List.of();
        private String subject;
        private String text;
        private String html;
        private List<AttachmentRef> attachments = List.of();
        private ThreadHints thread = ThreadHints.NONE;
        private Map<String, Object> metadata = Map.of();
        private Set<InteractionFlag> flags = Set.of();

        private Builder(String channel, String inbox, String externalId) {
            this.channel = Objects.requireNonNull(channel, "channel");
            this.inbox = Objects.requireNonNull(inbox, "inbox");
            this.externalId = Objects.requireNonNull(externalId, "externalId");
        }

        public Builder direction(String direction) {
            this.direction = direction;
            return this;
        }

        public Builder kind(String kind) {
            this.kind = kind;
            return this;
        }

        public Builder occurredAt(Instant occurredAt) {
            this.occurredAt = occurredAt;
            return this;
        }

        public Builder from(Sender from) {
            this.from = from;
            return this;
        }

        public Builder to(List<Address> to) {
            this.to = to;
            return this;
        }

        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Builder text(String text) {
            this.text = text;
            return this;
        }

        public Builder html(String html) {
            this.html = html;
            return this;
        }

        public Builder attachments(List<AttachmentRef> attachments) {
            this.attachments = attachments;
            return this;
        }

        public Builder thread(ThreadHints thread) {
            this.thread = thread;
            return this;
        }

        public Builder metadata(Map<String, Object> metadata) {
            this.metadata = metadata;
            return this;
        }

        public Builder flags(Set<InteractionFlag> flags) {
            this.flags = flags;
            return this;
        }

        public InboundInteraction build() {
            return new InboundInteraction(SCHEMA, channel, inbox, externalId, direction, kind,
                    Objects.requireNonNull(occurredAt, "occurredAt"), from, to, subject, text, html, attachments,
                    thread, metadata, flags);
        }
    }
}
