package io.omnihub.console.held;

import io.omnihub.console.api.NotFoundException;
import io.omnihub.console.security.InboxAccess;
import io.omnihub.store.blob.BlobStorage;
import io.omnihub.store.held.HeldItemStatus;
import io.omnihub.store.held.HeldItems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotNull;
import java.security.Principal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Held items", description = "Messages the hub accepted but could not put on a timeline: open, retry, "
        + "attach to a customer, discard")
class HeldItemController {

    record HeldItemPage(List<HeldItemView> items, Long nextBefore) {
    }

    record AttachRequest(@NotNull Long customerId) {
    }

    record DiscardRequest(String note) {
    }

    private final HeldItems items;
    private final HeldItemActions actions;
    private final InboxAccess access;
    private final BlobStorage blobs;

    HeldItemController(HeldItems items, HeldItemActions actions, InboxAccess access, BlobStorage blobs) {
        this.items = items;
        this.actions = actions;
        this.access = access;
        this.blobs = blobs;
    }

    @GetMapping("/api/v1/held-items")
    @Operation(summary = "Held items, newest first", description = "status: HELD (default, waiting for someone), "
            + "RETRYING, RECORDED, DISCARDED or ALL; channel filters by channel. Items of restricted inboxes the reader "
            + "may not see are left out. Pages with before=<nextBefore>.")
    HeldItemPage list(@RequestParam(defaultValue = "HELD") String status, @RequestParam(required = false) String channel,
            @RequestParam(required = false) Long before, @RequestParam(defaultValue = "50") int limit,
            Principal reader) {
        int size = Math.max(1, Math.min(limit, 200));
        List<HeldItemView> page = items.list(statuses(status), channel, access.hiddenInboxKeys(reader), before, size)
                .stream().map(item -> HeldItemView.of(item, actions.parsedPayload(item.id(), reader).orElse(null)))
                .toList();
        return new HeldItemPage(page, page.size() == size ? page.get(page.size() - 1).id() : null);
    }

    @GetMapping("/api/v1/held-items/{id}")
    @Operation(summary = "One held item", description = "With what its payload says: sender, subject, the first words.")
    HeldItemView one(@PathVariable long id, Principal reader) {
        return HeldItemView.of(actions.require(id, reader), actions.parsedPayload(id, reader).orElse(null));
    }

    @GetMapping("/api/v1/held-items/{id}/raw")
    @Operation(summary = "The held message exactly as it was parked", description = "The bus payload (JSON for "
            + "interactions), served as a download.")
    ResponseEntity<byte[]> raw(@PathVariable long id, Principal reader) {
        return download(actions.payload(id, reader), "held-item-" + id + ".json", "application/json");
    }

    @GetMapping("/api/v1/held-items/{id}/original")
    @Operation(summary = "The original message of a held email", description = "The .eml exactly as it arrived, "
            + "when the held interaction is a mail.")
    ResponseEntity<byte[]> original(@PathVariable long id, Principal reader) {
        String sha256 = actions.parsedPayload(id, reader)
                .map(p -> p.path("metadata").path("original").path("sha256"))
                .filter(n -> n.isTextual()).map(n -> n.asText())
                .orElseThrow(() -> new NotFoundException("held item " + id + " has no original message"));
        byte[] content = blobs.get(sha256)
                .orElseThrow(() -> new NotFoundException("the original message of held item " + id + " is gone"));
        return download(content, "held-item-" + id + ".eml", "message/rfc822");
    }

    @PostMapping("/api/v1/held-items/{id}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send it back to its queue", description = "After a fix (configuration, a customer "
            + "corrected): the message is processed again; the item becomes RECORDED once it is on a timeline, or "
            + "HELD again with the new reason.")
    HeldItemView retry(@PathVariable long id, Principal actor) {
        return HeldItemView.of(actions.retry(id, actor), actions.parsedPayload(id, actor).orElse(null));
    }

    @PostMapping("/api/v1/held-items/{id}/attach")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Record it on a customer's timeline", description = "For an interaction whose sender "
            + "cannot be read (a mail without a From, say): {\"customerId\": 42}. Audited.")
    HeldItemView attach(@PathVariable long id, @RequestBody @jakarta.validation.Valid AttachRequest request,
            Principal actor) {
        return HeldItemView.of(actions.attach(id, request.customerId(), actor),
                actions.parsedPayload(id, actor).orElse(null));
    }

    @PostMapping("/api/v1/held-items/{id}/discard")
    @Operation(summary = "Discard it", description = "It needs nothing more; it stays listed as DISCARDED, with who "
            + "did it and the note. Audited.")
    HeldItemView discard(@PathVariable long id, @RequestBody(required = false) DiscardRequest request,
            Principal actor) {
        return HeldItemView.of(actions.discard(id, request == null ? null : request.note(), actor),
                actions.parsedPayload(id, actor).orElse(null));
    }

    static Set<HeldItemStatus> statuses(String status) {
        if ("ALL".equalsIgnoreCase(status)) {
            return EnumSet.noneOf(HeldItemStatus.class);
        }
        try {
            return EnumSet.of(HeldItemStatus.valueOf(status.toUpperCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("status is one of " + Arrays.toString(HeldItemStatus.values())
                    + " or ALL");
        }
    }

    private static ResponseEntity<byte[]> download(byte[] content, String name, String type) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Omnihub-Content-Type", type)
                .body(content);
    }
}
