package io.omnihub.connectors.bus;

import java.io.IOException;
import java.io.InputStream;

/**
 * Durable, content-addressed storage for the bytes of attachments, so the bus carries references
 * rather than files.
 */
public interface BlobStore {

    /** What was stored: its key (null when it was larger than allowed and not stored) and its size. */
    record Stored(String sha256, long sizeBytes) {
        public boolean tooLarge() {
            return sha256 == null;
        }
    }

    /** Stores the content durably and returns its key, the hex SHA-256 of the content. */
    String put(byte[] content);

    /**
     * Stores what the stream holds, of any size, without holding it whole in memory. Content over
     * {@code maxBytes} is read to its end (to know its size) but not stored.
     */
    default Stored put(InputStream content, long maxBytes) throws IOException {
        byte[] bytes = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            return new Stored(null, bytes.length + content.transferTo(java.io.OutputStream.nullOutputStream()));
        }
        return new Stored(put(bytes), bytes.length);
    }
}
