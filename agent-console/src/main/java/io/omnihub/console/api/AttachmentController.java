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
    private final BlobStorage blobs;

    AttachmentController(AttachmentRepository attachments, BlobStorage blobs) {
        this.attachments = attachments;
        this.blobs = blobs;
    }

    @GetMapping("/api/v1/attachments/{id}")
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
