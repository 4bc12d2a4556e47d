package io.omnihub.routes.adapters;

import io.omnihub.connectors.twilio.OutboundMediaFiles;
import io.omnihub.store.blob.BlobStorage;
import io.omnihub.store.interaction.AttachmentRepository;
import io.omnihub.store.interaction.Direction;
import io.omnihub.store.interaction.InteractionRepository;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A reply's files for Twilio to fetch, from the store: only files of outbound interactions. */
@Component
class StoreOutboundMediaFiles implements OutboundMediaFiles {

    private final AttachmentRepository attachments;
    private final InteractionRepository interactions;
    private final BlobStorage blobs;

    StoreOutboundMediaFiles(AttachmentRepository attachments, InteractionRepository interactions, BlobStorage blobs) {
        this.attachments = attachments;
        this.interactions = interactions;
        this.blobs = blobs;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<MediaFile> replyFile(long attachmentId) {
        return attachments.findById(attachmentId)
                .filter(a -> interactions.findById(a.getInteractionId())
                        .map(i -> i.getDirection() == Direction.OUTBOUND).orElse(false))
                .flatMap(a -> blobs.get(a.getSha256()).map(bytes -> new MediaFile(a.getFileName(),
                        a.getContentType() == null ? "application/octet-stream" : a.getContentType(), bytes)));
    }
}
