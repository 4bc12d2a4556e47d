package io.omnihub.console.api;

import io.omnihub.store.blob.BlobStorage;
import io.omnihub.store.interaction.Attachment;
import io.omnihub.store.interaction.AttachmentRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Attachments")
class AttachmentController {

    private final AttachmentRepository attachments;
    private final io.omnihub.store.interaction.InteractionRepository interactions;
    private final BlobStorage blobs;

    AttachmentController(AttachmentRepository attachments,
            io.omnihub.store.interaction.InteractionRepository interactions, BlobStorage blobs) {
        this.attachments = attachments;
        this.interactions = interactions;
        this.blobs = blobs;
    }

    @GetMapping("/api/v1/interactions/{id}/original")
    @Operation(summary = "Download the original message",
            description = "The raw message exactly as it arrived (an email's .eml), kept for every mail, also for "
                    + "mail that could not be parsed. Served as a download.")
    ResponseEntity<byte[]> original(@PathVariable Long id) {
        var interaction = interactions.findById(id)
                .orElseThrow(() -> new NotFoundException("there is no interaction " + id));
        if (!(interaction.getMetadata().get("original") instanceof java.util.Map<?, ?> original)
                || !(original.get("sha256") instanceof String sha256)) {
            throw new NotFoundException("interaction " + id + " has no original message (only email keeps one)");
        }
        byte[] content = blobs.get(sha256)
                .orElseThrow(() -> new NotFoundException("the original message of interaction " + id + " is gone"));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("message-" + id + ".eml").build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Omnihub-Content-Type", "message/rfc822")
                .body(content);
    }

    @GetMapping({"/api/v1/attachments/{id}", "/console/attachments/{id}"})
    @Operation(summary = "Download an attachment",
            description = "Always served as a download (never rendered inline), so a file from outside cannot run "
                    + "script in the hub's origin.")
    ResponseEntity<byte[]> download(@PathVariable Long id) {
        Attachment attachment = attachments.findById(id)
                .orElseThrow(() -> new NotFoundException("there is no attachment " + id));
        byte[] content = blobs.get(attachment.getSha256())
                .orElseThrow(() -> new NotFoundException("the content of attachment " + id + " is gone"));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(attachment.getFileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Omnihub-Content-Type", attachment.getContentType())
                .body(content);
    }
}
