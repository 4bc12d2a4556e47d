package io.omnihub.connectors.bus;

/**
 * Durable, content-addressed storage for the bytes of attachments, so the bus carries references
 * rather than files.
 */
public interface BlobStore {

    /** Stores the content durably and returns its key, the hex SHA-256 of the content. */
    String put(byte[] content);
}
