package io.omnihub.connectors.twilio;

import java.util.Optional;

/**
 * The files of replies the hub sends by MMS, which Twilio fetches from the hub ({@code MediaUrl}):
 * a port the store implements, so that the connector reads no database itself.
 */
public interface OutboundMediaFiles {

    /** A file: its name, type and bytes. */
    record MediaFile(String fileName, String contentType, byte[] content) {
    }

    /** The file of a reply (an outbound interaction) by its attachment id; empty for anything else. */
    Optional<MediaFile> replyFile(long attachmentId);
}
