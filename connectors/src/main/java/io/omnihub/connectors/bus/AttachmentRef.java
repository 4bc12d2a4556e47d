package io.omnihub.connectors.bus;

/**
 * A file that came with an interaction, stored before the interaction went on the bus; the bus
 * carries only this reference.
 *
 * @param sha256    the blob key (hex SHA-256 of the content)
 * @param contentId for inline parts referenced by {@code cid:} from HTML; null otherwise
 */
public record AttachmentRef(String sha256, String fileName, String contentType, long sizeBytes, String contentId) {
}
