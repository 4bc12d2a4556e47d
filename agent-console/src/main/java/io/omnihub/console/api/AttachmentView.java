package io.omnihub.console.api;

import io.omnihub.store.interaction.Attachment;

/** A file of an interaction; download it from {@code href}. */
public record AttachmentView(Long id, String fileName, String contentType, long sizeBytes, String sha256,
        String href) {

    static AttachmentView of(Attachment a) {
        return new AttachmentView(a.getId(), a.getFileName(), a.getContentType(), a.getSizeBytes(), a.getSha256(),
                "/api/v1/attachments/" + a.getId());
    }
}
