package io.omnihub.connectors.chat;

import io.omnihub.connectors.bus.BusUnavailableException;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A visitor's request for the chat's transcript by email: refused at once, with a reason the widget shows, when
 * the inbox sends no transcripts or there is nothing to send; otherwise handed to the bus (the hub writes and sends
 * the mail, the connector writes nothing).
 */
@Component
class ChatTranscripts {

    private final ChatInboxes inboxes;
    private final ChatDesk desk;
    private final TranscriptPublisher bus;
    private final Clock clock;

    ChatTranscripts(ChatInboxes inboxes, ChatDesk desk, TranscriptPublisher bus, Clock clock) {
        this.inboxes = inboxes;
        this.desk = desk;
        this.bus = bus;
        this.clock = clock;
    }

    /** @return null when the request is on the bus, otherwise why not (said to the visitor) */
    String request(ChatVisitor visitor) {
        if (!inboxes.sendsTranscripts(visitor.inbox())) {
            return "transcripts by email are not available for this chat";
        }
        if (desk.history(visitor.inbox(), visitor.sessionId(), 1).isEmpty()) {
            return "there is nothing in this chat to send yet";
        }
        try {
            bus.publish(new TranscriptRequest(visitor.inbox(), visitor.sessionId(), visitor.email(),
                    UUID.randomUUID().toString(), clock.instant()));
            return null;
        } catch (BusUnavailableException e) {
            return "the transcript cannot be sent just now; please try again in a minute";
        }
    }
}
