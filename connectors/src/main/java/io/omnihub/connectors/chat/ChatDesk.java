package io.omnihub.connectors.chat;

import java.util.List;

/**
 * What the chat connector asks the rest of the hub: the messages of a chat so far, whether anyone
 * is there to answer. Implemented outside the connector (the connector reads no database itself); what
 * the chat changes (messages, receipts, transcript requests) travels on the bus.
 */
public interface ChatDesk {

    /** The chat's latest messages, oldest first, at most {@code limit}; internal notes never. */
    List<ChatLine> history(String inbox, String sessionId, int limit);

    /** Whether an agent who works the inbox is online now (otherwise the widget offers to leave a message). */
    boolean agentsAvailable(String inbox);
}
