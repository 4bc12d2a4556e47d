package io.omnihub.connectors.chat;

import java.util.Optional;

/** The chat inboxes the hub serves, as this channel sees them (implemented by the inbox configuration). */
public interface ChatInboxes {

    /** The chat widget of inbox {@code key}, when that is a chat inbox. */
    Optional<ChatSettings> chat(String key);

    /** Whether chat inbox {@code key} emails transcripts (it names a {@code reply-mailbox} to send them from). */
    boolean sendsTranscripts(String key);
}
