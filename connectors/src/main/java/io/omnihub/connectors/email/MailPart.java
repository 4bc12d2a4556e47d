package io.omnihub.connectors.email;

/**
 * A file that came with a mail: an attachment, an inline image, a forwarded message.
 *
 * @param fileName    decoded, without any path; null when the sender gave none
 * @param contentType the base type, lower-case ({@code image/png})
 * @param content     the decoded bytes
 * @param inline      shown in the body (an image referenced by {@code cid:}) rather than attached
 * @param contentId   the Content-ID without angle brackets, or null
 */
public record MailPart(String fileName, String contentType, byte[] content, boolean inline, String contentId) {

    public long size() {
        return content.length;
    }
}
