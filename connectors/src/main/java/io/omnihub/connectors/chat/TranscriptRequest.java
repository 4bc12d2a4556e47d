package io.omnihub.connectors.chat;

import java.time.Instant;

/**
 * A visitor asked for the chat's transcript by email: {@code hub.transcripts} carries it to the hub, which
 * writes the transcript onto the conversation as an email and sends it. The same request delivered twice is
 * sent once.
 *
 * @param inbox       the chat inbox
 * @param sessionId   the chat
 * @param email       where the visitor wants it
 * @param requestId   this request, unique
 * @param requestedAt when the visitor asked
 */
public record TranscriptRequest(String inbox, String sessionId, String email, String requestId, Instant requestedAt) {

    /** The schema its JSON on the bus follows. */
    public static final String SCHEMA = "omnihub.chat-transcript.v1";

    public String duplicateId() {
        return "transcript:" + requestId;
    }

    /** Requests of one chat are taken in order. */
    public String groupId() {
        return inbox + ":" + sessionId;
    }
}
