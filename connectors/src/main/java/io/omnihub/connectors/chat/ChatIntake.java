package io.omnihub.connectors.chat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.omnihub.connectors.bus.Address;
import io.omnihub.connectors.bus.AddressType;
import io.omnihub.connectors.bus.AttachmentRef;
import io.omnihub.connectors.bus.InboundInteraction;
import io.omnihub.connectors.bus.Sender;
import io.omnihub.connectors.bus.StatusUpdate;
import io.omnihub.connectors.bus.ThreadHints;

/**
 * Turns what a visitor sends into canonical inbound interactions on the {@code chat} channel: one
 * per message (its id scoped to the chat, so a resend is the same interaction), the chat's session
 * as the thread key, and the visitor's addresses — the site-verified user id first, then the
 * browser's visitor id, then the email they gave.
 */
public final class ChatIntake {

    public static final String CHANNEL = "chat";
    /** Status reports that a visitor's widget showed an agent's line. */
    public static final String RECEIPT = "CHAT_RECEIPT";
    /** The thread key of a message left while nobody was online starts with it: no widget follows that conversation. */
    public static final String OFFLINE = "offline:";
    /** A visitor's own id for a message: what makes a resend the same interaction. */
    static final java.util.regex.Pattern MESSAGE_ID = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private ChatIntake() {
    }

    static InboundInteraction message(ChatVisitor visitor, String messageId, String text, List<AttachmentRef> files,
            Instant now) {
        return InboundInteraction.builder(CHANNEL, visitor.inbox(), visitor.sessionId() + ":" + messageId)
                .occurredAt(now)
                .from(sender(visitor))
                .text(text)
                .attachments(files)
                .thread(new ThreadHints(null, List.of(), null, visitor.sessionId()))
                .metadata(metadata(visitor))
                .build();
    }

    /** A message left while nobody was online: its own conversation, answered by email. */
    static InboundInteraction offlineMessage(String inbox, String messageId, String name, String email, String text,
            Instant now) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("offline", true);
        metadata.put("replyBy", "email");
        return InboundInteraction.builder(CHANNEL, inbox, OFFLINE + messageId)
                .occurredAt(now)
                .from(new Sender(name, List.of(Address.email(email))))
                .subject("Message left in the chat")
                .text(text)
                .thread(new ThreadHints(null, List.of(), null, OFFLINE + messageId))
                .metadata(metadata)
                .build();
    }

    /** The visitor's widget showed an agent's line. */
    static StatusUpdate receipt(ChatVisitor visitor, String lineId, Instant now) {
        return StatusUpdate.of(RECEIPT, CHANNEL, visitor.inbox(), lineId, "shown", now,
                Map.of("line", lineId, "chatSession", visitor.sessionId()));
    }

    private static Sender sender(ChatVisitor visitor) {
        List<Address> addresses = new ArrayList<>();
        if (visitor.externalIdentity() != null) {
            addresses.add(new Address(AddressType.EXTERNAL, visitor.externalIdentity()));
        }
        addresses.add(new Address(AddressType.CHAT_VISITOR, visitor.visitorId()));
        if (visitor.email() != null) {
            addresses.add(Address.email(visitor.email()));
        }
        return new Sender(visitor.name(), addresses);
    }

    private static Map<String, Object> metadata(ChatVisitor visitor) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("chatSession", visitor.sessionId());
        metadata.put("visitor", visitor.visitorId());
        metadata.put("identity", visitor.userId() != null ? "verified by the site" : "anonymous visitor");
        return metadata;
    }
}
