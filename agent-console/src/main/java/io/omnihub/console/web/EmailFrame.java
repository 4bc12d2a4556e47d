package io.omnihub.console.web;

import io.omnihub.console.api.NotFoundException;
import io.omnihub.store.interaction.InteractionRepository;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /console/interactions/{id}/html}: a message's HTML, sanitized when it was recorded, for the
 * conversation page's sandboxed frame. Its own Content-Security-Policy lets the mail's inline styles
 * and embedded images show and nothing else run or load (no script, no remote image, no form).
 */
@Controller
class EmailFrame {

    static final String FRAME_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
            + "frame-ancestors 'self'; form-action 'none'; base-uri 'none'; sandbox";

    private final InteractionRepository interactions;

    EmailFrame(InteractionRepository interactions) {
        this.interactions = interactions;
    }

    @GetMapping("/console/interactions/{id}/html")
    ResponseEntity<String> html(@PathVariable long id) {
        String html = interactions.findById(id).map(i -> i.getBodyHtml())
                .orElseThrow(() -> new NotFoundException("interaction " + id + " has no HTML"));
        if (html == null) {
            throw new NotFoundException("interaction " + id + " has no HTML");
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Security-Policy", FRAME_CSP)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .body("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>" + html + "</body></html>");
    }
}
