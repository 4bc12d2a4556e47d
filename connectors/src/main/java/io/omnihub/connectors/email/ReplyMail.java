package io.omnihub.connectors.email;

import java.util.List;

/**
 * A reply to send: who from and to, the thread headers that keep it in the customer's thread, and
 * the text (sent as plain text and as simple HTML).
 *
 * @param messageId  our signed Message-ID, without brackets; the same on every attempt
 * @param inReplyTo  the customer's mail we answer, or null
 * @param references the thread's Message-IDs, oldest first
 * @param threadIndex Outlook's Thread-Index for the conversation (base64), or null
 * @param automatic  sent by the hub itself (an acknowledgement), not written by an agent
 * @param files      files the agent attached
 */
public record ReplyMail(String fromAddress, String fromName, String to, String subject, String messageId,
        String inReplyTo, List<String> references, String threadIndex, String text, boolean automatic,
        List<MailPart> files) {

    public ReplyMail {
        files = files == null ? List.of() : List.copyOf(files);
    }
}
